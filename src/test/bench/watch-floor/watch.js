// Times an append by another process (writer.js) -> fs.watch callback -> the new bytes read; the node half of run.sh.
const fs = require('fs'), path = require('path');
const [dir, n] = [process.argv[2], +process.argv[3]]; const file = path.join(dir, 'h.txt');
const d1 = [], d2 = []; let offset = 0;
const fd = fs.openSync(file, 'r');
fs.watch(dir, () => {
  const t = process.hrtime.bigint();
  const b = Buffer.alloc(65536); const len = fs.readSync(fd, b, 0, 65536, offset);
  const t2 = process.hrtime.bigint();
  if (len <= 0) return; offset += len;
  for (const line of b.toString('utf8', 0, len).split('\n')) { if (!line) continue; const w = BigInt(line.split(' ')[2]); d1.push(Number(t - w)); d2.push(Number(t2 - w)); }
  if (d1.length >= n) { d1.sort((a, b) => a - b); d2.sort((a, b) => a - b);
    console.log(`node fs.watch: write->callback p50 ${(d1[n>>1]/1e6).toFixed(3)} ms p90 ${(d1[Math.floor(n*0.9)]/1e6).toFixed(3)}; write->bytes read p50 ${(d2[n>>1]/1e6).toFixed(3)} ms`); process.exit(0); }
});
