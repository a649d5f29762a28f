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

/** A community's stored figures: the grouped rows of every dashboard statement over its default window (JSON). */
export interface IndicatorsRollupTable {
  community_id: string;
  /** The window the rows cover (local dates, inclusive): the default window of the day they were computed. */
  window_from: string;
  window_to: string;
  computed_at: string;
  data: string;
}

export interface IndicatorsTables {
  indicators_report: IndicatorsReportTable;
  indicators_rollup: IndicatorsRollupTable;
}
