/**
 * `npm start`: build and serve the add-in at https://localhost:3000, wait until the task pane really answers,
 * then sideload it into desktop Excel (Windows, macOS) or print how to sideload it into Excel on the web.
 *
 * It exits non-zero when the server cannot start or never answers: it never says "started" when nothing listens.
 * Ctrl-C stops the server and exits cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:https";
import { createServer } from "node:net";
import path from "node:path";

import { CERT_FILES, ensureDevCertificates } from "./dev-certs.js";
import { DEV_BASE_URL } from "./manifest-urls.js";

const PORT = 3000;
const TASKPANE_URL = `${DEV_BASE_URL}/taskpane.html`;
const READY_TIMEOUT_MS = 120_000;
const root = path.resolve(__dirname, "..");
const manifestPath = path.join(root, "manifest.xml");

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "localhost");
  });
}

/** One HTTPS GET of the task pane page; resolves with the status code, or 0 when nothing answers. */
function probeTaskpane(ca: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(TASKPANE_URL, { ca, timeout: 5_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
    req.end();
  });
}

async function waitUntilServing(server: ChildProcess, ca: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `the development server stopped (exit code ${server.exitCode ?? server.signalCode}) before serving ${TASKPANE_URL}`,
      );
    }
    if ((await probeTaskpane(ca)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${TASKPANE_URL} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

function printWebSideloadSteps(): void {
  console.log(`
Sales Plan Builder is served at ${DEV_BASE_URL}

Sideload it into Excel on the web:
  1. Trust the development certificate authority once in your browser or system:
       ${CERT_FILES.ca}
     (or open ${TASKPANE_URL} and accept the certificate warning).
  2. Open a workbook at https://excel.cloud.microsoft (or office.com > Excel).
  3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose:
       ${manifestPath}
  4. Open the pane with Home > Sales plan > Sales Plan Builder, and type =PLAN.HEADCOUNT(200, 20) in a cell.

The task pane also runs in a plain browser (editor and previews, without the workbook actions):
  ${TASKPANE_URL}

Press Ctrl-C to stop the server.`);
}

/** Desktop Excel sideloading exists only on Windows and macOS; the tool exits 0 even when it fails, so read its output. */
async function sideloadIntoDesktopExcel(): Promise<boolean> {
  console.log("Sideloading the manifest into desktop Excel (npx office-addin-debugging)…");
  return new Promise((resolve) => {
    const tool = spawn(
      process.platform === "win32" ? "npx.cmd" : "npx",
      [
        "--yes",
        "office-addin-debugging@7",
        "start",
        manifestPath,
        "desktop",
        "--app",
        "excel",
        "--no-debug",
        "--dev-server-port",
        String(PORT),
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" },
    );
    let output = "";
    tool.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    tool.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    tool.on("error", () => resolve(false));
    tool.on("close", (code) => resolve(code === 0 && !/error|failed|unable/i.test(output)));
  });
}

async function main(): Promise<void> {
  if (!(await portIsFree(PORT))) {
    throw new Error(`port ${PORT} is already in use (another \`npm start\`?). Stop it and try again.`);
  }
  const certificates = await ensureDevCertificates();
  if (certificates.generated) console.log(`Generated development certificates in ${certificates.directory}`);

  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    stdio: "inherit",
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping the development server (${signal})…`);
    server.kill("SIGTERM");
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const serverExit = new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 0)));

  try {
    await waitUntilServing(server, certificates.ca);
  } catch (error) {
    if (stopping) process.exit(0);
    server.kill("SIGTERM");
    throw error;
  }

  if (process.platform === "win32" || process.platform === "darwin") {
    if (!(await sideloadIntoDesktopExcel())) {
      console.warn("Desktop sideloading did not succeed; sideload by hand as below.");
      printWebSideloadSteps();
    }
  } else {
    printWebSideloadSteps();
  }

  const code = await serverExit;
  process.exit(stopping ? 0 : code === 0 ? 1 : code);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
