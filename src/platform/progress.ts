/**
 * A progress bar for long commands (backup, restore, moving files), on stderr so that stdout
 * stays clean. On a terminal it redraws one line (cli-progress); elsewhere (a log, CI) it writes
 * a line at every tenth of the way, so that a log shows the command is alive without flooding.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  /** Adds to what is done; `label` says what is being done now. */
  advance(by: number, label?: string): void;
  /** The total is known late (or grows): sets it. */
  setTotal(total: number): void;
  stop(): void;
}

export function createProgress(
  title: string,
  total: number,
  unit = 'items',
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  let done = 0;
  let all = total;
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${title} [{bar}] {percentage}% {value}/{total} ${unit} {label}`,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(all, 0, { label: '' });
    return {
      advance(by, label = '') {
        done += by;
        bar.update(done, { label });
      },
      setTotal(value) {
        all = value;
        bar.setTotal(value);
      },
      stop: () => bar.stop(),
    };
  }
  let shown = -1;
  const show = (force: boolean) => {
    const tenth = all > 0 ? Math.floor((done / all) * 10) : 10;
    if (!force && tenth === shown) return;
    shown = tenth;
    stream.write(`${title}: ${done}/${all} ${unit} (${Math.min(100, tenth * 10)} %)\n`);
  };
  show(true);
  return {
    advance(by) {
      done += by;
      show(false);
    },
    setTotal(value) {
      all = value;
    },
    stop: () => {
      if (shown !== 10 || done !== all) show(true);
    },
  };
}
