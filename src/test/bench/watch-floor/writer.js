// Appends "line i T" every gap ms to DIR/h.txt, T = CLOCK_MONOTONIC ns just before the write (the same clock as
// Java's System.nanoTime and node's hrtime), so a watcher in another process can time write -> event.
const fs = require('fs'), path = require('path');
const [dir, n, gap] = [process.argv[2], +process.argv[3], +process.argv[4]];
const fd = fs.openSync(path.join(dir, 'h.txt'), 'a'); let i = 0;
function tick() { if (i >= n) { process.exit(0); } setTimeout(() => { fs.writeSync(fd, `line ${i} ${process.hrtime.bigint()}\n`); i++; tick(); }, gap); }
setTimeout(tick, 1000);
