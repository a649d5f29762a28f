// One ECharts chart, imported piecemeal (core + the chart types used). The figures are also the element's
// accessible name, and the card offers them as a table, so nothing depends on seeing the canvas.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartData {
  type: 'bar' | 'line' | 'pie';
  categories: string[];
  series: Array<{ name: string; values: number[] }>;
}

export function EChart({
  data,
  label,
  height = 280,
  onPick,
}: {
  data: ChartData;
  label: string;
  height?: number;
  /** A bar (or slice) was clicked: its category's index. */
  onPick?: (index: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: 'svg' });
    chart.on('click', (p) => pick.current?.(p.dataIndex));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.getInstanceByDom(ref.current);
    if (!chart) return;
    const pie = data.type === 'pie';
    chart.setOption(
      pie
        ? {
            animation: false,
            tooltip: { trigger: 'item' },
            series: [
              {
                type: 'pie',
                radius: ['35%', '65%'],
                data: data.categories.map((c, i) => ({ name: c, value: data.series[0]?.values[i] ?? 0 })),
              },
            ],
          }
        : {
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 48, right: 16, top: 36, bottom: 56 },
            xAxis: {
              type: 'category',
              data: data.categories,
              axisLabel: { rotate: data.categories.length > 6 ? 30 : 0 },
            },
            yAxis: { type: 'value' },
            series: data.series.map((s) => ({ type: data.type, name: s.name, data: s.values })),
          },
      true,
    );
  }, [data]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }}
    />
  );
}

/** The figures in words, for the chart's accessible name. */
export function describeChart(title: string, d: ChartData): string {
  const rows = d.categories.map((c, i) => `${c}: ${d.series.map((s) => `${s.name} ${s.values[i] ?? 0}`).join(', ')}`);
  return `${title}. ${rows.join('; ')}`;
}
