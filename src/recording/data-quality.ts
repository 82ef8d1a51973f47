// A data-quality note: something that limits how far the verdict can be trusted.
// It never aborts a run; it is carried into the Report.
export interface DataQualityNote {
  code: string;
  text: string;
}
