// A real LSP client for `leeway lsp`: vscode-languageserver-protocol over
// vscode-jsonrpc, as VS Code's own client speaks it. Shared by the test and
// bench/lsp_bench.mjs.
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import * as rpc from "vscode-jsonrpc/node.js";
import { InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification, ShutdownRequest, ExitNotification } from "vscode-languageserver-protocol";

export async function startServer(leeway, folder) {
  const child = spawn(leeway, ["lsp"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const diagnostics = new Map();  // uri -> latest list
  const waiters = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  const rootUri = pathToFileURL(folder).href;
  const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: [{ uri: rootUri, name: "policies" }] });
  await connection.sendNotification(InitializedNotification.type, {});
  let version = 1;
  return {
    child, connection, init, diagnostics, exited, stderr: () => stderr,
    uri: (file) => pathToFileURL(`${folder}/${file}`).href,
    open: (uri, text) => connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "toml", version: version++, text } }),
    change: (uri, text) => connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: version++ }, contentChanges: [{ text }] }),
    nextDiagnostics: () => new Promise((resolve) => waiters.push(resolve)),
    // The file's diagnostics once `ok(list)` holds (or, after 10 s, as they are).
    async diagnosticsWhen(uri, ok) {
      const deadline = Date.now() + 10000;
      while (!ok(diagnostics.get(uri) ?? []) && Date.now() < deadline)
        await Promise.race([new Promise((resolve) => waiters.push(resolve)), new Promise((resolve) => setTimeout(resolve, 200))]);
      return diagnostics.get(uri) ?? [];
    },
    request: (method, params) => connection.sendRequest(method, params),
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

// The LSP position (0-based line, UTF-16 character) just after `needle` (its nth occurrence).
export function after(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, at + needle.length);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - before.lastIndexOf("\n") - 1 };
}
