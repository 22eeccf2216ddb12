// @ts-check
/**
 * Development HTTPS certificates for https://localhost:3000.
 *
 * They live where Microsoft's office-addin-dev-certs puts them (~/.office-addin-dev-certs: ca.crt,
 * localhost.crt, localhost.key), so a CA that tool installed on Windows or macOS is reused. On Linux that tool
 * cannot install its CA without sudo and then regenerates certificates on every call, so we read the files
 * ourselves and, when they are missing or expire within a day, generate a fresh CA and a localhost
 * certificate signed by it (selfsigned, pure JavaScript). Nothing is installed into a system trust store.
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { X509Certificate } = require("node:crypto");

const CERT_DIR = process.env.OFFICE_ADDIN_DEV_CERTS_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
const FILES = {
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};
const VALID_DAYS = 30;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** @returns {{ ca: string, cert: string, key: string } | undefined} usable certificates, if any */
function readDevCertificates() {
  try {
    const ca = fs.readFileSync(FILES.ca, "utf8");
    const cert = fs.readFileSync(FILES.cert, "utf8");
    const key = fs.readFileSync(FILES.key, "utf8");
    const validTo = Date.parse(new X509Certificate(cert).validTo);
    if (!(validTo - Date.now() > ONE_DAY_MS)) return undefined;
    return { ca, cert, key };
  } catch {
    return undefined;
  }
}

/**
 * Returns valid development certificates, generating them first when needed.
 * @returns {Promise<{ ca: string, cert: string, key: string, generated: boolean, directory: string }>}
 */
async function ensureDevCertificates() {
  const existing = readDevCertificates();
  if (existing) return { ...existing, generated: false, directory: CERT_DIR };

  const selfsigned = require("selfsigned");
  const notBeforeDate = new Date(Date.now() - 60 * 1000);
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * ONE_DAY_MS);
  const ca = await selfsigned.generate([{ name: "commonName", value: "Sales Plan Builder development CA" }], {
    algorithm: "sha256",
    keySize: 2048,
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    algorithm: "sha256",
    keySize: 2048,
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  fs.mkdirSync(CERT_DIR, { recursive: true, mode: 0o700 });
  fs.writeFileSync(FILES.ca, ca.cert);
  fs.writeFileSync(FILES.cert, leaf.cert);
  fs.writeFileSync(FILES.key, leaf.private, { mode: 0o600 });
  return { ca: ca.cert, cert: leaf.cert, key: leaf.private, generated: true, directory: CERT_DIR };
}

module.exports = { CERT_DIR, CERT_FILES: FILES, readDevCertificates, ensureDevCertificates };
