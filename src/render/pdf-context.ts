// The part of the HTML canvas 2D context that Vega's canvas renderer draws with, writing PDF
// through PDFKit. Vega draws every mark (its own code, as on a web page's canvas) onto this
// context, given to `view.toCanvas` as `externalContext`; paths, clips and transforms become PDF
// operators and text stays text, in the embedded DejaVu Sans.
import { InvalidOptionError } from '../errors.js';
import type { PDFKitDocument } from './pdfkit.js';

type Paint = { rgb: [number, number, number]; alpha: number } | Gradient | null;

/** A canvas gradient, drawn with PDFKit's gradients. */
class Gradient {
  readonly stops: [number, string][] = [];
  constructor(readonly args: number[]) {}
  addColorStop(offset: number, color: string): void {
    this.stops.push([offset, color]);
  }
}

interface State {
  fillStyle: string | Gradient;
  strokeStyle: string | Gradient;
  globalAlpha: number;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  lineDash: number[];
  lineDashOffset: number;
  font: string;
  textAlign: string;
}

type Segment =
  | ['M' | 'L', number, number]
  | ['C', number, number, number, number, number, number]
  | ['Z'];

const named: Record<string, [number, number, number]> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  grey: [128, 128, 128],
  gray: [128, 128, 128],
  steelblue: [70, 130, 180],
  orange: [255, 165, 0],
};

/**
 * Parses a CSS colour as Vega writes it: `#rgb`, `#rrggbb`, `rgb()`/`rgba()`, a few names;
 * `none`, `transparent` and unknown colours paint nothing.
 */
export function parseColor(color: string): { rgb: [number, number, number]; alpha: number } | null {
  const c = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c);
  if (m) {
    const h = m[1]!.length === 3 ? m[1]!.replace(/./g, (d) => d + d) : m[1]!;
    return { rgb: [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as never, alpha: 1 };
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(c);
  if (m) {
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
    return { rgb: [+m[1]!, +m[2]!, +m[3]!].map((v) => Math.min(255, v)) as never, alpha: a };
  }
  if (named[c]) return { rgb: named[c], alpha: 1 };
  return null;
}

/** Which of the package's font files draws a canvas font such as `bold 15px DejaVu Sans`. */
export function fontFace(font: string): {
  face: 'regular' | 'bold' | 'oblique' | 'bold-oblique';
  size: number;
} {
  const m = /([\d.]+)px/.exec(font);
  const size = m ? +m[1]! : 10;
  const before = m ? font.slice(0, m.index) : font;
  const bold = /\bbold(er)?\b|\b([6-9]00)\b/.test(before);
  const oblique = /\b(italic|oblique)\b/.test(before);
  return {
    face: bold && oblique ? 'bold-oblique' : bold ? 'bold' : oblique ? 'oblique' : 'regular',
    size,
  };
}

/** An affine transform [a, b, c, d, e, f], as the canvas and PDF write it. */
type Matrix = [number, number, number, number, number, number];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2];
  return [
    m[3] / det,
    -m[1] / det,
    -m[2] / det,
    m[0] / det,
    (m[2] * m[5] - m[3] * m[4]) / det,
    (m[1] * m[4] - m[0] * m[5]) / det,
  ];
}

/**
 * A canvas 2D context (the subset Vega's renderer uses) that draws into a PDFKit document.
 * As on a canvas, a path's points are fixed by the transform in force when each is added (Vega
 * moves the origin to a symbol, draws it, moves back, then fills), and one path can be filled and
 * then stroked: the context keeps the transform itself, keeps paths in page space, and writes them
 * when they are filled, stroked or clipped; strokes and text are written under the transform in
 * force when they are drawn. PDF's save and restore follow the canvas's, for clipping.
 */
export class PDFContext {
  /** Vega reads this when it picks; 1 for vector output. */
  pixelRatio = 1;
  globalCompositeOperation = 'source-over';
  imageSmoothingEnabled = true;
  private state: State = {
    fillStyle: '#000',
    strokeStyle: '#000',
    globalAlpha: 1,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 10,
    lineDash: [],
    lineDashOffset: 0,
    font: '10px sans-serif',
    textAlign: 'start',
  };
  private stack: [State, Matrix][] = [];
  private matrix: Matrix = [1, 0, 0, 1, 0, 0];
  private path: Segment[] = [];
  private current: [number, number] | null = null;

  constructor(private readonly doc: PDFKitDocument) {}

  get fillStyle() {
    return this.state.fillStyle;
  }
  set fillStyle(v) {
    this.state.fillStyle = v;
  }
  get strokeStyle() {
    return this.state.strokeStyle;
  }
  set strokeStyle(v) {
    this.state.strokeStyle = v;
  }
  get globalAlpha() {
    return this.state.globalAlpha;
  }
  set globalAlpha(v) {
    this.state.globalAlpha = v;
  }
  get lineWidth() {
    return this.state.lineWidth;
  }
  set lineWidth(v) {
    this.state.lineWidth = v;
  }
  get lineCap() {
    return this.state.lineCap;
  }
  set lineCap(v) {
    this.state.lineCap = v;
  }
  get lineJoin() {
    return this.state.lineJoin;
  }
  set lineJoin(v) {
    this.state.lineJoin = v;
  }
  get miterLimit() {
    return this.state.miterLimit;
  }
  set miterLimit(v) {
    this.state.miterLimit = v;
  }
  get lineDashOffset() {
    return this.state.lineDashOffset;
  }
  set lineDashOffset(v) {
    this.state.lineDashOffset = v;
  }
  get font() {
    return this.state.font;
  }
  set font(v) {
    this.state.font = v;
  }
  get textAlign() {
    return this.state.textAlign;
  }
  set textAlign(v) {
    this.state.textAlign = v;
  }

  setLineDash(dash: number[]): void {
    this.state.lineDash = [...dash];
  }
  getLineDash(): number[] {
    return [...this.state.lineDash];
  }

  save(): void {
    this.stack.push([{ ...this.state, lineDash: [...this.state.lineDash] }, this.matrix]);
    this.doc.save();
  }
  restore(): void {
    const saved = this.stack.pop();
    if (!saved) return;
    [this.state, this.matrix] = saved;
    this.doc.restore();
  }
  translate(x: number, y: number): void {
    this.matrix = multiply(this.matrix, [1, 0, 0, 1, x, y]);
  }
  scale(x: number, y: number): void {
    this.matrix = multiply(this.matrix, [x, 0, 0, y, 0, 0]);
  }
  rotate(radians: number): void {
    const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
    this.matrix = multiply(this.matrix, [cos, sin, -sin, cos, 0, 0]);
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.matrix = multiply(this.matrix, [a, b, c, d, e, f]);
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.matrix = [a, b, c, d, e, f];
  }

  beginPath(): void {
    this.path = [];
    this.current = null;
  }
  moveTo(x: number, y: number): void {
    this.path.push(['M', ...apply(this.matrix, x, y)]);
    this.current = [x, y];
  }
  lineTo(x: number, y: number): void {
    if (!this.current) {
      this.moveTo(x, y);
      return;
    }
    this.path.push(['L', ...apply(this.matrix, x, y)]);
    this.current = [x, y];
  }
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number): void {
    if (!this.current) this.moveTo(a, b);
    const m = this.matrix;
    this.path.push(['C', ...apply(m, a, b), ...apply(m, c, d), ...apply(m, x, y)]);
    this.current = [x, y];
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    if (!this.current) this.moveTo(cx, cy);
    const [x0, y0] = this.current!;
    // The cubic with the same curve as the quadratic.
    this.bezierCurveTo(
      x0 + (2 / 3) * (cx - x0),
      y0 + (2 / 3) * (cy - y0),
      x + (2 / 3) * (cx - x),
      y + (2 / 3) * (cy - y),
      x,
      y,
    );
  }
  closePath(): void {
    if (!this.path.length) return;
    this.path.push(['Z']);
    const start = [...this.path].reverse().find((s) => s[0] === 'M');
    if (start) this.current = apply(invert(this.matrix), start[1] as number, start[2] as number);
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }
  /** A circular arc as cubic Béziers of at most a quarter turn each, as the canvas defines it. */
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw = false): void {
    const tau = 2 * Math.PI;
    let sweep = a1 - a0;
    if (!ccw && sweep < 0) sweep = (sweep % tau) + tau;
    if (ccw && sweep > 0) sweep = (sweep % tau) - tau;
    if (Math.abs(a1 - a0) >= tau) sweep = ccw ? -tau : tau;
    const start: [number, number] = [x + r * Math.cos(a0), y + r * Math.sin(a0)];
    if (this.current) this.lineTo(...start);
    else this.moveTo(...start);
    const n = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
    const step = sweep / n;
    const k = (4 / 3) * Math.tan(step / 4);
    let a = a0;
    for (let i = 0; i < n; i++) {
      const b = a + step;
      const [c0, s0, c1, s1] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)];
      this.bezierCurveTo(
        x + r * (c0 - k * s0),
        y + r * (s0 + k * c0),
        x + r * (c1 + k * s1),
        y + r * (s1 - k * c1),
        x + r * c1,
        y + r * s1,
      );
      a = b;
    }
  }
  ellipse(
    x: number,
    y: number,
    rx: number,
    ry: number,
    rotation: number,
    a0: number,
    a1: number,
    ccw = false,
  ): void {
    this.save();
    this.translate(x, y);
    this.rotate(rotation);
    this.scale(rx, ry);
    this.arc(0, 0, 1, a0, a1, ccw);
    this.restore();
  }

  /** Writes the path, its page-space points mapped by `m` (for a stroke: back to user space). */
  private writePath(m: Matrix = [1, 0, 0, 1, 0, 0]): boolean {
    if (!this.path.length) return false;
    for (const s of this.path) {
      if (s[0] === 'M') this.doc.moveTo(...apply(m, s[1], s[2]));
      else if (s[0] === 'L') this.doc.lineTo(...apply(m, s[1], s[2]));
      else if (s[0] === 'C')
        this.doc.bezierCurveTo(
          ...apply(m, s[1], s[2]),
          ...apply(m, s[3], s[4]),
          ...apply(m, s[5], s[6]),
        );
      else this.doc.closePath();
    }
    return true;
  }

  /** Draws under the current transform (line widths, dashes and text are in user space). */
  private underTransform(draw: () => void): void {
    this.doc.save();
    this.doc.transform(...this.matrix);
    draw();
    this.doc.restore();
  }

  /** Sets PDFKit's fill or stroke colour; false when the paint draws nothing. */
  private paint(style: string | Gradient, stroke: boolean): boolean {
    let color: Paint;
    if (style instanceof Gradient) color = style;
    else color = parseColor(style);
    if (!color) return false;
    if (color instanceof Gradient) {
      const [first, ...rest] = color.args;
      const g =
        color.args.length === 4
          ? this.doc.linearGradient(first!, rest[0]!, rest[1]!, rest[2]!)
          : this.doc.radialGradient(first!, rest[0]!, rest[1]!, rest[2]!, rest[3]!, rest[4]!);
      for (const [offset, stop] of color.stops) {
        const c = parseColor(stop);
        if (c) g.stop(offset, c.rgb, c.alpha * this.state.globalAlpha);
      }
      if (stroke) this.doc.strokeColor(g);
      else this.doc.fillColor(g);
      return true;
    }
    const alpha = color.alpha * this.state.globalAlpha;
    if (alpha <= 0) return false;
    if (stroke) this.doc.strokeColor(color.rgb, alpha);
    else this.doc.fillColor(color.rgb, alpha);
    return true;
  }

  private strokeState(): void {
    const s = this.state;
    this.doc
      .lineWidth(s.lineWidth)
      .lineCap(s.lineCap)
      .lineJoin(s.lineJoin)
      .miterLimit(s.miterLimit);
    const dash = s.lineDash.filter((d) => d > 0);
    if (dash.length)
      this.doc.dash(dash.length % 2 ? [...dash, ...dash] : dash, { phase: s.lineDashOffset });
    else this.doc.undash();
  }

  fill(rule?: 'nonzero' | 'evenodd'): void {
    if (!this.path.length) return;
    this.underTransform(() => {
      if (!this.paint(this.state.fillStyle, false)) return;
      this.writePath(invert(this.matrix));
      this.doc.fill(rule === 'evenodd' ? 'even-odd' : 'non-zero');
    });
  }
  stroke(): void {
    if (!this.path.length || this.state.lineWidth <= 0) return;
    this.underTransform(() => {
      if (!this.paint(this.state.strokeStyle, true)) return;
      this.strokeState();
      this.writePath(invert(this.matrix));
      this.doc.stroke();
    });
  }
  clip(rule?: 'nonzero' | 'evenodd'): void {
    if (!this.writePath()) return;
    this.doc.clip(rule === 'evenodd' ? 'even-odd' : 'non-zero');
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    const path = this.path;
    this.beginPath();
    this.rect(x, y, w, h);
    this.fill();
    this.path = path;
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    const path = this.path;
    this.beginPath();
    this.rect(x, y, w, h);
    this.stroke();
    this.path = path;
  }
  /** A PDF page starts blank: nothing to clear. */
  clearRect(): void {}

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): Gradient {
    return new Gradient([x0, y0, x1, y1]);
  }
  createRadialGradient(
    x0: number,
    y0: number,
    r0: number,
    x1: number,
    y1: number,
    r1: number,
  ): Gradient {
    return new Gradient([x0, y0, r0, x1, y1, r1]);
  }

  private setFont(): void {
    const { face, size } = fontFace(this.state.font);
    this.doc.font(face).fontSize(size);
  }
  measureText(text: string): { width: number } {
    this.setFont();
    return { width: this.doc.widthOfString(text) };
  }
  private text(text: string, x: number, y: number, stroke: boolean): void {
    if (text)
      this.underTransform(() => {
        this.drawText(text, x, y, stroke);
      });
  }
  private drawText(text: string, x: number, y: number, stroke: boolean): void {
    if (!this.paint(stroke ? this.state.strokeStyle : this.state.fillStyle, stroke)) return;
    this.setFont();
    const align = this.state.textAlign;
    const width = align === 'left' || align === 'start' ? 0 : this.doc.widthOfString(text);
    const dx = align === 'center' ? -width / 2 : align === 'right' || align === 'end' ? -width : 0;
    if (stroke) this.strokeState();
    this.doc.text(text, x + dx, y, {
      lineBreak: false,
      baseline: 'alphabetic',
      stroke,
      fill: !stroke,
    });
  }
  fillText(text: string, x: number, y: number): void {
    this.text(text, x, y, false);
  }
  strokeText(text: string, x: number, y: number): void {
    this.text(text, x, y, true);
  }
  drawImage(): void {
    throw new InvalidOptionError(
      'toPDF draws no image marks (an image would be fetched from elsewhere).',
    );
  }
  isPointInPath(): boolean {
    return false;
  }
  isPointInStroke(): boolean {
    return false;
  }
}
