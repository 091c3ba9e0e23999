// The charts of the gallery and of the report: every builder on the bundled data it applies to.
import {
  compareChart,
  compositionChart,
  load,
  locationChart,
  militaryChart,
  slopeChart,
  spreadChart,
  totalsChart,
} from 'ww2-yugoslavia-casualties';

export const charts = () => [
  { name: 'total-estimates', dataset: 'total-estimates', spec: totalsChart(load('total-estimates')) },
  { name: 'by-nationality-bars', dataset: 'by-nationality', spec: compareChart(load('by-nationality'), { by: 'nationality' }) },
  { name: 'by-nationality-spread', dataset: 'by-nationality', spec: spreadChart(load('by-nationality'), { by: 'nationality' }) },
  { name: 'by-nationality-slope', dataset: 'by-nationality', spec: slopeChart(load('by-nationality'), { by: 'nationality', from: 'kocovic', to: 'zerjavic' }) },
  { name: 'by-location-1964', dataset: 'by-location-1964', spec: locationChart(load('by-location-1964')) },
  { name: 'by-republic-zerjavic', dataset: 'by-republic-zerjavic', spec: compareChart(load('by-republic-zerjavic'), { by: 'region' }) },
  { name: 'by-status', dataset: 'by-status', spec: compositionChart(load('by-status'), { color: 'status' }) },
  { name: 'slovenia-2005-shares', dataset: 'slovenia-2005', spec: compositionChart(load('slovenia-2005').filter((d) => d.perpetrator === null), { color: 'status', measure: 'share' }) },
  { name: 'ndh-serbs', dataset: 'ndh-serbs', spec: compositionChart(load('ndh-serbs'), { color: 'label' }) },
  { name: 'ndh-croats-bosniaks', dataset: 'ndh-croats-bosniaks', spec: compositionChart(load('ndh-croats-bosniaks'), { by: 'nationality', color: 'status' }) },
  { name: 'ndh-civilians-by-perpetrator', dataset: 'ndh-civilians-by-perpetrator', spec: compositionChart(load('ndh-civilians-by-perpetrator'), { by: 'nationality', color: 'perpetrator' }) },
  { name: 'military-losses', dataset: 'military-losses', spec: militaryChart(load('military-losses')) },
  { name: 'italian-by-region', dataset: 'italian-by-region', spec: compareChart(load('italian-by-region'), { by: 'region' }) },
  { name: 'belgrade-offensive', dataset: 'belgrade-offensive', spec: militaryChart(load('belgrade-offensive'), { title: 'The Belgrade offensive, September–November 1944: losses by belligerent and source' }) },
];
