import { openDatabase } from '/work/main/db/client.ts';
let t=Date.now();
const h = await openDatabase({kind:'pglite'});
console.log('open', Date.now()-t); t=Date.now();
await h.migrate(); console.log('migrate', Date.now()-t); t=Date.now();
const c = (h.db as any).$client; const dump = await c.dumpDataDir('none'); console.log('dump', Date.now()-t, dump.size); t=Date.now();
const h2 = await openDatabase({kind:'pglite', loadDataDir: dump}); console.log('clone', Date.now()-t); t=Date.now();
await h2.ping(); console.log(await h2.db.execute('select count(*) from organisations'));
