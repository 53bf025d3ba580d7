import type { ProgressListener } from '../api/contract.js';

/**
 * Progress of long steps on the standard error: a line rewritten in place on a terminal,
 * a line every tenth of the way otherwise (CI logs, pipes).
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): ProgressListener {
  let lastTenth = -1;
  let lastStep = '';
  return (step, done, total) => {
    if (total < 2) return;
    if (step !== lastStep) {
      lastStep = step;
      lastTenth = -1;
    }
    if (stream.isTTY) {
      stream.write(`\r${step}: ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done * 10) / total);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    stream.write(`${step}: ${done}/${total}\n`);
  };
}
