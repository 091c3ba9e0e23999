// The charts of the report and of the gallery: every builder on the bundled data it applies to.
import { balance } from '../analysis/balance.js';
import { balanceChart } from '../charts/balance.js';
import { compareChart } from '../charts/compare.js';
import { slopeChart } from '../charts/slope.js';
import { spreadChart } from '../charts/spread.js';
import { compositionChart } from '../charts/composition.js';
import { locationChart } from '../charts/location.js';
import { militaryChart } from '../charts/military.js';
import { totalsChart } from '../charts/totals.js';
import { load } from '../data/load.js';
import { claimCharts } from './claims.js';
import type { ReportChart } from './chart.js';

/**
 * Every chart builder applied to the bundled datasets, as the report and the gallery draw them.
 *
 * @returns One entry per chart: a file name, the dataset it belongs to, and the Vega-Lite spec.
 * @example
 * standardCharts().map((c) => c.name); // => ['total-estimates', 'by-nationality-bars', …]
 */
export function standardCharts(): ReportChart[] {
  return [
    {
      name: 'total-estimates',
      dataset: 'total-estimates',
      // The builder names no place or period (the rows hold none); the dataset is Yugoslavia's.
      spec: totalsChart(load('total-estimates'), {
        title: 'Published totals of Yugoslavia’s war dead, 1941–1945, and the official loss claims',
      }),
    },
    {
      name: 'demographic-balance',
      dataset: 'demographic-loss',
      section: 'balance',
      spec: balanceChart(balance()),
    },
    ...claimCharts(),
    {
      name: 'by-nationality-bars',
      dataset: 'by-nationality',
      spec: compareChart(load('by-nationality'), { by: 'nationality' }),
    },
    {
      name: 'by-nationality-spread',
      dataset: 'by-nationality',
      spec: spreadChart(load('by-nationality'), { by: 'nationality' }),
    },
    {
      name: 'by-status-spread',
      dataset: 'by-status',
      spec: spreadChart(load('by-status'), { by: 'status' }),
    },
    {
      name: 'by-nationality-slope',
      dataset: 'by-nationality',
      spec: slopeChart(load('by-nationality'), {
        by: 'nationality',
        from: 'kocovic',
        to: 'zerjavic',
      }),
    },
    {
      name: 'by-location-1964',
      dataset: 'by-location-1964',
      spec: locationChart(load('by-location-1964')),
    },
    {
      name: 'by-republic-zerjavic',
      dataset: 'by-republic-zerjavic',
      spec: compareChart(load('by-republic-zerjavic'), { by: 'region' }),
    },
    {
      name: 'by-status',
      dataset: 'by-status',
      spec: compositionChart(load('by-status'), { color: 'status' }),
    },
    {
      name: 'slovenia-2005-shares',
      dataset: 'slovenia-2005',
      spec: compositionChart(
        load('slovenia-2005').filter((d: { perpetrator: string | null }) => d.perpetrator === null),
        {
          color: 'status',
          measure: 'share',
          title: 'Slovenia (2005 study): victims of the war by status, in per cent',
        },
      ),
    },
    {
      name: 'ndh-serbs',
      dataset: 'ndh-serbs',
      spec: compositionChart(load('ndh-serbs'), {
        color: 'label',
        title: 'Serbs in the NDH: deaths by status, perpetrator and cause (Žerjavić)',
      }),
    },
    {
      name: 'ndh-croats-bosniaks',
      dataset: 'ndh-croats-bosniaks',
      spec: compositionChart(load('ndh-croats-bosniaks'), {
        by: 'nationality',
        color: 'status',
        title: 'Croats and Bosniaks, in the NDH and abroad: deaths by status (Žerjavić)',
      }),
    },
    {
      name: 'ndh-civilians-by-perpetrator',
      dataset: 'ndh-civilians-by-perpetrator',
      // The 12,000 who died abroad are not part of the deaths in the NDH: left out, and said so.
      spec: compositionChart(
        load('ndh-civilians-by-perpetrator').filter(
          (d: { region: string | null }) => d.region === 'ndh',
        ),
        {
          by: 'perpetrator',
          color: 'nationality',
          title: 'Croat and Bosniak civilian deaths in the NDH, by perpetrator (Žerjavić)',
          notes: [
            'Not in this chart: the civilians who died abroad (10,000 Croats and 2,000 ' +
              'Bosniaks), who are not among the deaths in the NDH.',
          ],
        },
      ),
    },
    {
      name: 'military-losses',
      dataset: 'military-losses',
      spec: militaryChart(load('military-losses')),
    },
    {
      name: 'italian-by-region',
      dataset: 'italian-by-region',
      spec: compareChart(load('italian-by-region'), {
        by: 'region',
        title: 'Italian casualties in Yugoslavia, by region',
      }),
    },
    {
      name: 'belgrade-offensive',
      dataset: 'belgrade-offensive',
      spec: militaryChart(load('belgrade-offensive'), {
        title: 'The Belgrade offensive, September–November 1944: losses by belligerent and source',
      }),
    },
  ];
}
