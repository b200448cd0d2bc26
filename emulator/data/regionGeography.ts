/**
 * Approximate locations of the regions, so that generated round-trip times grow with distance
 * the way real cross-region latency does (Hangzhou↔Shanghai a few ms, China↔Virginia ~200 ms).
 */
const COORDINATES: Readonly<Record<string, readonly [number, number]>> = {
  'cn-hangzhou': [30.27, 120.15],
  'cn-shanghai': [31.23, 121.47],
  'cn-zhangjiakou': [40.82, 114.88],
  'cn-shenzhen': [22.54, 114.06],
  'cn-beijing': [39.9, 116.4],
  'cn-huhehaote': [40.84, 111.75],
  'cn-hongkong': [22.32, 114.17],
  'eu-west-1': [51.51, -0.13],
  'us-west-1': [37.39, -122.08],
  'us-east-1': [38.9, -77.44],
  'eu-central-1': [50.11, 8.68],
  'ap-south-1': [19.08, 72.88],
  'ap-southeast-1': [1.35, 103.82],
  'ap-southeast-5': [-6.2, 106.82],
  'ap-southeast-2': [-33.87, 151.21],
  'ap-southeast-3': [3.14, 101.69],
  'cn-qingdao': [36.07, 120.38],
  'cn-wulanchabu': [41.0, 113.13],
  'cn-heyuan': [23.74, 114.7],
  'cn-guangzhou': [23.13, 113.26],
  'cn-chengdu': [30.57, 104.07],
  'ap-northeast-1': [35.68, 139.69],
  'ap-northeast-2': [37.57, 126.98],
  'me-east-1': [25.2, 55.27],
};

function distanceKm(a: string, b: string): number {
  const pa = COORDINATES[a];
  const pb = COORDINATES[b];
  if (!pa || !pb) return 3000;
  const rad = Math.PI / 180;
  const dLat = (pb[0] - pa[0]) * rad;
  const dLon = (pb[1] - pa[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(pa[0] * rad) * Math.cos(pb[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Typical round-trip time in ms: light in fibre covers ~100 km of distance per ms of RTT, plus routing overhead. */
export function baseRttMs(a: string, b: string): number {
  return 2 + (distanceKm(a, b) * 1.4) / 100;
}
