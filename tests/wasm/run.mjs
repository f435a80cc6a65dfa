// Run the xlwings Lite bundle in real Pyodide under Node, as Lite's runtime does.
// usage: node run.mjs PYODIDE_DIR XLWINGS_WHEEL HARNESS.py INPUT.json  -> JSON on stdout
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [dir, wheel, harness, input] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
// indexURL: numpy, pandas and their dependencies load from the checked files beside the lock
const pyodide = await loadPyodide({ indexURL: dir + path.sep, stdout: (s) => process.stderr.write(s + "\n") });
await pyodide.loadPackage(["numpy", "pandas"], { messageCallback: () => {} });
// A pure wheel is a zip of site-packages files: what micropip would install.
pyodide.FS.writeFile("/tmp/xlwings.whl", new Uint8Array(readFileSync(wheel)));
pyodide.runPython(`
import site, zipfile
zipfile.ZipFile("/tmp/xlwings.whl").extractall(site.getsitepackages()[0])
`);
pyodide.runPython(readFileSync(harness, "utf8"));
pyodide.globals.set("INPUT_JSON", readFileSync(input, "utf8"));
const out = await pyodide.runPythonAsync("import json\nawait _answer(json.loads(INPUT_JSON))");
process.stdout.write(out);
