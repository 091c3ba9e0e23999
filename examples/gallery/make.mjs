// npm run gallery: every chart on the bundled data, as PNG and SVG, into examples/gallery/.
import { writeFileSync } from 'node:fs';
import { toPNG, toSVG } from 'ww2-yugoslavia-casualties/render';
import { standardCharts } from 'ww2-yugoslavia-casualties/report';

const here = new URL('./', import.meta.url);
for (const { name, spec } of standardCharts()) {
  writeFileSync(new URL(`${name}.svg`, here), await toSVG(spec));
  writeFileSync(new URL(`${name}.png`, here), await toPNG(spec, { scale: 2 }));
  console.log(`examples/gallery/${name}.png`);
}
