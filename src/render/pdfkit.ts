// The part of PDFKit's document API that the package uses (PDFKit ships no types of its own).

/** A PDFKit gradient. */
export interface PDFKitGradient {
  stop(offset: number, color: [number, number, number], opacity?: number): PDFKitGradient;
}

/** A PDFKit document, as far as the package draws on it. */
export interface PDFKitDocument {
  save(): this;
  restore(): this;
  translate(x: number, y: number): this;
  scale(x: number, y: number): this;
  rotate(degrees: number, options?: { origin?: [number, number] }): this;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number): this;
  closePath(): this;
  fill(rule?: 'non-zero' | 'even-odd'): this;
  stroke(): this;
  clip(rule?: 'non-zero' | 'even-odd'): this;
  fillColor(color: [number, number, number] | PDFKitGradient, opacity?: number): this;
  strokeColor(color: [number, number, number] | PDFKitGradient, opacity?: number): this;
  lineWidth(width: number): this;
  lineCap(cap: string): this;
  lineJoin(join: string): this;
  miterLimit(limit: number): this;
  dash(lengths: number[], options?: { phase?: number }): this;
  undash(): this;
  linearGradient(x1: number, y1: number, x2: number, y2: number): PDFKitGradient;
  radialGradient(
    x1: number,
    y1: number,
    r1: number,
    x2: number,
    y2: number,
    r2: number,
  ): PDFKitGradient;
  registerFont(name: string, font: object): this;
  font(name: string): this;
  fontSize(size: number): this;
  widthOfString(text: string): number;
  text(
    text: string,
    x: number,
    y: number,
    options: { lineBreak: boolean; baseline: string; stroke: boolean; fill: boolean },
  ): this;
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end' | 'error', listener: (arg?: unknown) => void): this;
  end(): void;
}
