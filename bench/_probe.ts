import { startBenchEmulator, BENCH_LOGSTORE } from './support/benchLogstore';
(async () => {
  const t = Date.now();
  const emu = await startBenchEmulator(Number(process.argv[2]));
  console.log('ready', Date.now() - t, emu.loadMs, emu.records);
  const api = emu.client((e) => console.log(e.action, e.durationMs, e.ok, e.code));
  const base = { ...BENCH_LOGSTORE, from: emu.from, to: emu.to };
  let s = Date.now(); const r = await api.query({ ...base, query: '*', line: 1, offset: 0 }); console.log('raw1', Date.now() - s, r.count);
  s = Date.now(); await api.query({ ...base, query: '*', line: 100, offset: 5000 }); console.log('raw2', Date.now() - s);
  s = Date.now(); await api.query({ ...base, query: '*', line: 100, offset: 150000 }); console.log('raw3', Date.now() - s);
  s = Date.now(); await api.query({ ...base, query: '* | select * limit 0, 1' }); console.log('sql1', Date.now() - s);
  s = Date.now(); const q = await api.query({ ...base, query: '* | select * limit 10000, 10000' }); console.log('sql2', Date.now() - s, q.rows.length);
  await emu.close();
})();
