'use strict';
// node-ws's read of a grown file (stat, open, read, close), timed as ReadGap.java times handfeed's: a 750-byte
// append, GAP ms, the read; WARM reads without a gap first. Usage: node read-gap.js COUNT GAP_MS WARM
const fs = require('fs');
const os = require('os');
const path = require('path');
const [n, gap, warm] = process.argv.slice(2).map(Number);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'read-gap-')), 'h.txt');
fs.writeFileSync(file, '');
const hand = Buffer.alloc(750, 'x');
const cell = new Int32Array(new SharedArrayBuffer(4));
let offset = 0;
const times = [];
for (let i = 0; i < warm + n; i++) {
  fs.appendFileSync(file, hand);
  if (i >= warm && gap > 0) Atomics.wait(cell, 0, 0, gap);
  const t0 = process.hrtime.bigint();
  const size = fs.statSync(file).size;
  const buf = Buffer.allocUnsafe(size - offset);
  const fd = fs.openSync(file, 'r');
  try { offset += fs.readSync(fd, buf, 0, buf.length, offset); } finally { fs.closeSync(fd); }
  if (i >= warm) times.push(Number(process.hrtime.bigint() - t0) / 1000);
}
fs.rmSync(path.dirname(file), { recursive: true });
times.sort((a, b) => a - b);
console.log(`${n} reads ${gap} ms apart, after ${warm} without a gap (µs):`);
console.log(`  node-ws's whole read      p50 ${Math.round(times[n >> 1])}  p90 ${Math.round(times[Math.floor(n * 0.9)])}`);
