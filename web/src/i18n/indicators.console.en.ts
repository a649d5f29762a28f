// Console strings of the indicators dashboard (English).
import type { indicatorsConsoleZhCN } from './indicators.console.zh-CN.ts';
import type { Translation } from './resource.ts';

export const indicatorsConsoleEn: Translation<typeof indicatorsConsoleZhCN> = {
  indicators: {
    title: 'Indicators',
    lead:
      'Figures of the volunteer service, all counted from the actual records: pick a period, click a row or a bar ' +
      'of the level below (a grid) to drill down; each chart can be shown as a table, and everything exports to Excel.',
    levels: 'Levels',
    period: 'Period',
    export: 'Export Excel',
    chart: 'Chart',
    table: 'Table',
    showAs: 'Show {{title}} as',
    category: 'Item',
    noData: 'No figures in this period.',
    communityWide: 'Activities belong to the whole community; these are its figures.',
    storedAt:
      "Figures as of {{time}} (each community's figures are gathered every {{minutes}} minutes; a new record shows " +
      'within about {{minutes}} minutes).',
    countedLive: 'A period of your own: counted from the records now, which takes a moment with many communities.',
    compare: 'Below {{name}}, side by side',
    drillHint: "Click a name, a row or a bar to see that grid's figures.",
    name: 'Name',
    reports: 'Monthly reports',
    reportsLead:
      "On the 1st of each month the previous month's report (a PDF with the charts) is generated for superiors; " +
      'any month can be generated at any time.',
    month: 'Month',
    reportNow: 'Generate the PDF report',
    noReports: 'No report has been generated yet.',
    download: 'Download the {{month}} report',
  },
};
