/**
 * The one door to the User Timing API for product code. The benchmarks (scripts/bench/*.mjs) and some e2e tests wait
 * for these names, so they are listed here (a rename is a type error, not a silent hang); nothing else in the product
 * calls performance.mark/measure. Marks are cheap and never throw into the page (measuring is optional).
 *
 *   mark('pt:popup-ready')                    a moment: "pt:<what>"
 *   const done = timer('import-check'); …; done()   a duration: measure "pt-journal:<what>" from now to done()
 */
export type MarkName =
  | 'pt:main-start' // popup module started
  | 'pt:rendered' // popup's first render returned
  | 'pt:day-read' // popup read the day shown
  | 'pt:popup-ready' // popup form filled and focused
  | 'pt:range-start' // dashboard range switch asked
  | 'pt:charts-drawn'; // dashboard charts drew the current data

export type MeasureName = 'import-check' | 'import-preview' | 'import-write' | 'export-json' | 'export-csv';

export function mark(name: MarkName, detail?: Record<string, unknown>): void {
  try {
    performance.mark(name, detail ? { detail } : undefined);
  } catch {
    // measuring is optional
  }
}

/** Starts a duration; the returned function records it as the measure "pt-journal:<name>". */
export function timer(name: MeasureName): () => void {
  const start = performance.now();
  return () => {
    try {
      performance.measure(`pt-journal:${name}`, { start, end: performance.now() });
    } catch {
      // measuring is optional
    }
  };
}
