// The indicators' stored monthly reports for superiors: the PDF as generated on the 1st (base64 text, so both
// databases keep it the same way).

export interface IndicatorsReportTable {
  community_id: string;
  id: string;
  /** The node of the tree the report covers (`community:<id>` …) and its name then. */
  node_id: string;
  node_name: string;
  /** YYYY-MM */
  month: string;
  bytes: number;
  data: string;
  created_at: string;
}

export interface IndicatorsTables {
  indicators_report: IndicatorsReportTable;
}
