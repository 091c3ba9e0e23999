// The `chart` command: one chart of a dataset, written as SVG, PNG or PDF (from the file's
// extension), at a printed width and resolution.
import { extname } from 'node:path';
import { UnknownIdError } from '../errors.js';
import { writeFileSafely } from '../report/write.js';
import { datasetOf, type Command } from './common.js';
import { UsageError } from './usage.js';

const formats = ['.svg', '.png', '.pdf'] as const;

/** The `chart` command. */
export const chartCommand: Command = {
  summary: 'Draw one chart of a dataset to an SVG, PNG or PDF file, at a printed width.',
  usage:
    '<dataset> --out <file.svg|png|pdf> [--chart <name>] ' +
    '[--width <length> | --column single|double] [--dpi <n>]',
  help:
    `
Writes the chart as the file's extension says: .svg, .png or .pdf (vector, with its font embedded).
With --width or --column the chart is laid out anew at that printed width: its text keeps its
size (8.25 pt) and the plot area grows or shrinks. A PNG is drawn at --dpi (default 300); without
a width, at the chart's own size (96 px per inch) at that resolution.

Options:
  --out     the file to write (its extension chooses the format)
  --chart   which chart, where a dataset has several (e.g. by-nationality-spread)
  --width   the printed width: 85mm, 8.5cm, 3.5in, 240pt (a bare number is in mm)
  --column  single (85 mm) or double (175 mm), a journal's column
  --dpi     dots per inch of a PNG, e.g. 300 or 600

Examples:
  ww2-yugoslavia-casualties chart by-republic-zerjavic --column single --out figure-1.pdf
  ww2-yugoslavia-casualties chart by-nationality --chart by-nationality-slope ` +
    `--column double --out slope.pdf
  ww2-yugoslavia-casualties chart total-estimates --column double --dpi 600 --out totals.png`,
  options: {
    out: { type: 'string' },
    chart: { type: 'string' },
    width: { type: 'string' },
    column: { type: 'string' },
    dpi: { type: 'string' },
  },
  async run(positionals, values) {
    const id = datasetOf(positionals, `chart ${this.usage}`);
    const out = values.out as string | undefined;
    if (!out)
      throw new UsageError('no output file given', 'add --out <file>, e.g. --out chart.pdf');
    const format = extname(out).toLowerCase();
    if (!formats.includes(format as (typeof formats)[number]))
      throw new UsageError(
        `cannot tell the format of '${out}'`,
        'give the file the extension .svg, .png or .pdf',
      );
    const { standardCharts } = await import('../report/charts.js');
    const charts = standardCharts().filter((c) => c.dataset === id);
    const names = charts.map((c) => c.name);
    if (!charts.length) throw new UnknownIdError('dataset with a chart', id, []);
    const name = (values.chart as string | undefined) ?? names[0]!;
    const chart = charts.find((c) => c.name === name);
    if (!chart) throw new UnknownIdError(`chart of ${id}`, name, names);
    const width = values.width as string | undefined;
    const size = {
      ...(width !== undefined
        ? { width: /^\d+(\.\d+)?$/.test(width) ? Number(width) : width }
        : {}),
      ...(values.column !== undefined ? { column: values.column as 'single' } : {}),
    };
    const dpi = values.dpi as string | undefined;
    if (dpi !== undefined && format !== '.png')
      throw new UsageError(`--dpi is for a PNG, not a ${format} file`, 'write to a .png file');
    const render = await import('../render/index.js');
    const bytes =
      format === '.pdf'
        ? await render.toPDF(chart.spec, size)
        : format === '.png'
          ? await render.toPNG(chart.spec, { ...size, dpi: dpi === undefined ? 300 : Number(dpi) })
          : await render.toSVG(chart.spec, size);
    // a temporary file renamed over it: never half, never through a link
    writeFileSafely(out, bytes, 'chart');
    process.stderr.write(`wrote ${out} (${chart.name})\n`);
  },
};
