// PDFKit ships no types: the constructor, typed by the part of its API the package uses.
declare module 'pdfkit' {
  const PDFDocument: new (options?: object) => import('./pdfkit.js').PDFKitDocument;
  export default PDFDocument;
}

// fontkit (PDFKit's font engine) ships no types either: the one call the package makes.
declare module 'fontkit' {
  /** Parses a font file; PDFKit takes the result in place of the file's bytes. */
  export function create(data: Uint8Array): object;
}
