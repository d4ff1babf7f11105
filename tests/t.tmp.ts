import { PGlite } from '@electric-sql/pglite';
let t = performance.now(); const a = await PGlite.create(); console.log('initdb', (performance.now() - t).toFixed(0));
const dump = await a.dumpDataDir('none');
for (let i = 0; i < 3; i++) { t = performance.now(); const b = await PGlite.create({ loadDataDir: dump }); console.log('load', (performance.now() - t).toFixed(0)); await b.close(); }
t = performance.now(); const c = await a.clone(); console.log('clone', (performance.now() - t).toFixed(0));
