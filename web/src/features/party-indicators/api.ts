// Typed fetchers of /api/party-indicators.
import { useQuery } from '@tanstack/react-query';
import { api, download } from '../../shared/api/client.ts';
import type { IndicatorRow, IndicatorView, IndicatorFigures } from '../../../../domain/recognition/schemas.ts';

export type { IndicatorRow, IndicatorView };
export interface Indicators {
  from: string;
  to: string;
  view: IndicatorView;
  pointsKnown: boolean;
  items: IndicatorRow[];
  total: IndicatorFigures & { members: number };
}

export const indicatorsApi = {
  view: (q: { from: string; to: string; view: IndicatorView }, signal?: AbortSignal) =>
    api.get<Indicators>('/api/party-indicators', q, signal),
  export: (q: { from: string; to: string; unit?: string }) =>
    download('/api/party-indicators/export', q, `party-indicators-${q.from}-${q.to}.xlsx`),
};

export const useIndicators = (q: { from: string; to: string; view: IndicatorView }) =>
  useQuery({ queryKey: ['party-indicators', q], queryFn: ({ signal }) => indicatorsApi.view(q, signal) });
