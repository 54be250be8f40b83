// Jest global setup and teardown: a throwaway PostgreSQL server for the store's tests.
//
// With DATABASE_URL_TEST set (CI's .ci/run starts a server and sets it), that server is used. Otherwise, when
// `initdb` and `pg_ctl` are found (on PATH or in /usr/lib/postgresql/*/bin), a server is created in a temporary
// folder, listening on 127.0.0.1 on a free port, and stopped after the tests. When neither works the
// PostgreSQL tests skip and say why (see test/store/engines.ts).
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const STATE = path.join(os.tmpdir(), `network-qa-pg-${process.pid}.json`);

function findTool(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const version of fs.readdirSync(root).sort().reverse()) {
      const candidate = path.join(root, version, 'bin', name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool, as the `postgres` user when we are root (initdb refuses to run as root). */
function runPg(tool, args, asPostgres) {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${path.basename(tool)} failed: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').pop()}`);
  return result.stdout;
}

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL_TEST) return;
  const initdb = findTool('initdb');
  const pgCtl = findTool('pg_ctl');
  if (!initdb || !pgCtl) {
    process.env.NETWORK_QA_PG_SKIP_REASON = 'no DATABASE_URL_TEST, and no initdb/pg_ctl to start a server';
    return;
  }
  const asPostgres = typeof process.getuid === 'function' && process.getuid() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'network-qa-pg-'));
  try {
    if (asPostgres) execFileSync('chown', ['postgres', dir]);
    const data = path.join(dir, 'data');
    runPg(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], asPostgres);
    const port = await freePort();
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`;
    runPg(pgCtl, ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start'], asPostgres);
    fs.writeFileSync(STATE, JSON.stringify({ dir, data, pgCtl, asPostgres }));
    process.env.DATABASE_URL_TEST = `postgres://postgres@127.0.0.1:${port}/postgres`;
  } catch (error) {
    process.env.NETWORK_QA_PG_SKIP_REASON = `could not start a throwaway PostgreSQL server: ${error.message}`;
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

module.exports.teardown = async function globalTeardown() {
  if (!fs.existsSync(STATE)) return;
  const { dir, data, pgCtl, asPostgres } = JSON.parse(fs.readFileSync(STATE, 'utf8'));
  try {
    runPg(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'], asPostgres);
  } catch (error) {
    process.stderr.write(`network-qa tests: stopping the throwaway PostgreSQL failed: ${error.message}\n`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(STATE, { force: true });
};
