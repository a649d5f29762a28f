// Typed fetchers of /api/indicators.
import { useQuery } from '@tanstack/react-query';
import { api, download } from '../../shared/api/client.ts';
import type { CompareView, IndicatorsView, NodeKind } from '../../../../domain/indicators/schemas.ts';

export type { CompareView, IndicatorsView };
export interface TreeNode {
  id: string;
  kind: NodeKind;
  name: string;
  children: TreeNode[];
}
export interface StoredReport {
  id: string;
  nodeId: string;
  nodeName: string;
  month: string;
  bytes: number;
  createdAt: string;
}
type Q = { node?: string; from: string; to: string };

export const indicatorsApi = {
  tree: (signal?: AbortSignal) => api.get<TreeNode>('/api/indicators/tree', undefined, signal),
  figures: (q: Q, signal?: AbortSignal) => api.get<IndicatorsView>('/api/indicators', q, signal),
  compare: (q: Q, signal?: AbortSignal) => api.get<CompareView>('/api/indicators/compare', q, signal),
  reports: (signal?: AbortSignal) => api.get<{ items: StoredReport[] }>('/api/indicators/reports', undefined, signal),
  export: (q: Q) => download('/api/indicators/export', q, `indicators-${q.from}-${q.to}.xlsx`),
  report: (q: { node?: string; month: string }) =>
    download('/api/indicators/report.pdf', q, `indicators-report-${q.month}.pdf`),
  stored: (r: StoredReport) => download(`/api/indicators/reports/${r.id}/pdf`, undefined, `report-${r.month}.pdf`),
};

export const useTree = () =>
  useQuery({ queryKey: ['indicators', 'tree'], queryFn: ({ signal }) => indicatorsApi.tree(signal) });
export const useFigures = (q: Q) =>
  useQuery({ queryKey: ['indicators', 'figures', q], queryFn: ({ signal }) => indicatorsApi.figures(q, signal) });
export const useCompare = (q: Q, enabled: boolean) =>
  useQuery({
    queryKey: ['indicators', 'compare', q],
    queryFn: ({ signal }) => indicatorsApi.compare(q, signal),
    enabled,
  });
export const useReports = () =>
  useQuery({ queryKey: ['indicators', 'reports'], queryFn: ({ signal }) => indicatorsApi.reports(signal) });
