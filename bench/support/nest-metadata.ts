/**
 * tsx (esbuild) emits no decorator metadata, so Nest cannot tell what an app's classes'
 * constructors inject. The apps run as tsc builds them; this gives the files under `dir` the same
 * emit, TypeScript's own, when they load, and leaves every other file to tsx. Must run before any
 * of them is required (a benchmark imports the module that calls it first).
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

type Loader = (module: NodeJS.Module & { _compile(code: string, filename: string): void }, filename: string) => void;

export const compileWithMetadata = (dir: string): void => {
  const root = join(__dirname, '../..');
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
  const compilerOptions: ts.CompilerOptions = { ...options, module: ts.ModuleKind.CommonJS, emitDecoratorMetadata: true, sourceMap: false, inlineSourceMap: false };
  const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
  const tsx = extensions['.ts'];
  extensions['.ts'] = (module, filename) => {
    if (!filename.startsWith(dir)) return tsx(module, filename);
    const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
};
