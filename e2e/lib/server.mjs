// Starts a real `carryover serve --demo` on a free loopback port with a fresh
// data dir, so every test file gets its own clean demo clinic.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_PASSWORD = 'correct-horse-battery-staple-42';
const READY_TIMEOUT_MS = 60_000;
// The demo lines follow the ready line at once; this quiet gap ends the wait for them.
const DEMO_LINES_SETTLE_MS = 300;

export function binaryPath() {
  if (process.env.CARRYOVER_BIN) return path.resolve(process.env.CARRYOVER_BIN);
  const target = path.resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR || 'target');
  return path.join(target, 'debug', 'carryover');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Children still alive when node exits (a crashed test) are killed here, so a
// failed run never leaves a server holding a port.
const live = new Set();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * @returns {Promise<{baseURL: string, accounts: Record<string, {email: string, password: string}[]>,
 *   dataDir: string, output: () => string, stop: () => Promise<void>}>}
 */
export async function startServer({ extraArgs = [], env = {} } = {}) {
  const bin = binaryPath();
  if (!existsSync(bin)) {
    throw new Error(`carryover binary not found at ${bin}: build it (cargo build -p carryover) or set CARRYOVER_BIN`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'carryover-e2e-'));
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const child = spawn(bin, ['serve', '--demo', '--listen', listen, '--data-dir', dataDir, ...extraArgs], {
    env: { ...process.env, CARRYOVER_DEMO_PASSWORD: DEMO_PASSWORD, RUST_LOG: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => { live.delete(child); resolve({ code, signal }); }));

  // Keep the last lines of both streams for error messages; echo them when asked.
  const log = [];
  const echo = process.env.E2E_SERVER_LOG === '1';
  const keep = (stream) => (line) => {
    log.push(`[${stream}] ${line}`);
    if (log.length > 200) log.shift();
    if (echo) process.stderr.write(`[carryover ${stream}] ${line}\n`);
  };
  readline.createInterface({ input: child.stderr }).on('line', keep('stderr'));
  const stdout = readline.createInterface({ input: child.stdout });
  stdout.on('line', keep('stdout'));

  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const readyLine = `Carryover is ready at http://${listen}`;
  const accounts = { admin: [], therapist: [], caregiver: [], helper: [] };
  try {
    await new Promise((resolve, reject) => {
      let ready = false;
      let settle;
      const timeout = setTimeout(() => reject(new Error(`no "${readyLine}" within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const done = () => { clearTimeout(timeout); resolve(); };
      exited.then(({ code, signal }) => reject(new Error(`carryover exited early (code ${code}, signal ${signal})`)));
      stdout.on('line', (line) => {
        if (!ready) {
          if (line.trim() === readyLine) { ready = true; settle = setTimeout(done, DEMO_LINES_SETTLE_MS); }
          return;
        }
        const m = /^demo (\w+): (\S+) (\S+)$/.exec(line.trim());
        if (!m) return;
        (accounts[m[1]] ??= []).push({ email: m[2], password: m[3] });
        clearTimeout(settle);
        settle = setTimeout(done, DEMO_LINES_SETTLE_MS);
      });
    });
  } catch (err) {
    await stop();
    err.message += `\ncommand: ${bin} serve --demo --listen ${listen} --data-dir ${dataDir}\nlast output:\n${log.join('\n')}`;
    throw err;
  }
  return { baseURL: `http://${listen}`, accounts, dataDir, output: () => log.join('\n'), stop };
}

/** The first demo account of a role, with a clear failure when the server printed none. */
export function account(server, role, index = 0) {
  const found = server.accounts[role]?.[index];
  if (!found) {
    throw new Error(`the server printed no "demo ${role}: <email> <password>" line #${index + 1}; got ${JSON.stringify(server.accounts)}`);
  }
  return found;
}
