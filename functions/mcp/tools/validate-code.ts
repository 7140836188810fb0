import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { SourceFile } from '../../agents/tasks.js';
import { type CloudCompile, compileInCloud, uniqueProjectName } from '../../quantconnect/push-project.js';
import { UserInputError } from '../../shared/errors.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import { readPythonProject, validatePaths } from '../../validator/validate-paths.js';
import { validateProject } from '../../validator/validate-project.js';
import { countText, DiagnosticOutput, diagnosticLines, toDiagnosticOutput } from '../diagnostic-output.js';
import { ProjectFiles, ProjectPath, type ProjectSource, projectSource } from '../project-input.js';
import { connectForTool } from '../quantconnect-access.js';
import type { McpToolContext } from '../tool-context.js';
import type { ToolExtra } from '../tool-extra.js';
import { cancellableSleep, runTool, toolResult } from '../tool-result.js';

/** How long a compile may stay queued before the call answers without it. */
const COMPILE_WAIT_MS = 45_000;

export const ValidateCodeInput = z.strictObject({
  files: ProjectFiles.optional(),
  path: ProjectPath.optional(),
  compile: z
    .boolean()
    .default(false)
    .describe(
      'Also push the project to a new QuantConnect project and compile it there (needs QC_USER_ID and QC_API_TOKEN, or QUANTCODER_MCP_EMULATOR=1 for the local emulator)',
    ),
});
export type ValidateCodeInput = z.infer<typeof ValidateCodeInput>;

export const ValidateCodeOutput = z.object({
  ok: z.boolean().describe('No errors: statically, and in the compile when one was asked for'),
  files: z.number().int().describe('Files checked'),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  diagnostics: z.array(DiagnosticOutput).describe('Static findings, sorted by file, line and column'),
  compile: z
    .object({
      state: z.enum(['BuildSuccess', 'BuildError', 'InQueue']),
      projectId: z.number().int(),
      projectUrl: z.string(),
      compileId: z.string(),
      emulated: z.boolean(),
      diagnostics: z.array(DiagnosticOutput),
      logs: z.array(z.string()),
    })
    .optional()
    .describe("QuantConnect's build of the project, when compile was true"),
});
export type ValidateCodeOutput = z.infer<typeof ValidateCodeOutput>;

const DESCRIPTION = [
  'Checks QuantConnect (LEAN, Python) code statically in milliseconds: syntax, imports between files, main.py',
  'holding the QCAlgorithm subclass, LEAN API names in both naming forms (snake_case and PascalCase), call',
  'arities and keywords, framework model signatures and common QuantConnect pitfalls. Errors are what',
  'QuantConnect would reject or crash on; warnings are likely mistakes. Pass files ({name: content}) or a path.',
  'With compile: true it also pushes the project to a new QuantConnect project and returns the build result;',
  'otherwise it only reads.',
].join(' ');

/** Registers `validate_code`. */
export function registerValidateCodeTool(server: McpServer, context: McpToolContext): void {
  server.registerTool(
    'validate_code',
    {
      title: 'Validate QuantConnect code',
      description: DESCRIPTION,
      inputSchema: ValidateCodeInput,
      outputSchema: ValidateCodeOutput,
      annotations: {
        title: 'Validate QuantConnect code',
        // Read-only without compile; with it, each call creates a QuantConnect project (nothing is changed or deleted).
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    (input, extra) => runTool('validate_code', context, () => validateCode(input, context, extra)),
  );
}

async function validateCode(
  input: ValidateCodeInput,
  context: McpToolContext,
  extra: ToolExtra,
): Promise<CallToolResult> {
  const source = projectSource(input);
  const checked = await checkStatically(source);
  const compile = input.compile ? await compileInQuantConnect(source, context, extra) : undefined;
  const errorCount = checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const output: ValidateCodeOutput = {
    ok: errorCount === 0 && (compile === undefined || compile.state === 'BuildSuccess'),
    files: checked.files,
    errorCount,
    warningCount: checked.diagnostics.length - errorCount,
    diagnostics: checked.diagnostics.map(toDiagnosticOutput),
    ...(compile
      ? {
          compile: {
            state: compile.state,
            projectId: compile.projectId,
            projectUrl: compile.projectUrl,
            compileId: compile.compileId,
            emulated: compile.emulated,
            diagnostics: compile.diagnostics.map(toDiagnosticOutput),
            logs: compile.logs,
          },
        }
      : {}),
  };
  return toolResult(describe(checked, compile), output);
}

async function checkStatically(source: ProjectSource): Promise<{ files: number; diagnostics: Diagnostic[] }> {
  if (source.kind === 'files') {
    return { files: source.files.length, diagnostics: validateProject(source.files) };
  }
  return validatePaths([source.path]);
}

type CompileOutcome = CloudCompile & { emulated: boolean };

async function compileInQuantConnect(
  source: ProjectSource,
  context: McpToolContext,
  extra: ToolExtra,
): Promise<CompileOutcome> {
  const files = await projectFiles(source);
  const quantConnect = await connectForTool(context);
  const now = context.now;
  const compiled = await compileInCloud(quantConnect.quantConnect, files, {
    projectName: uniqueProjectName('quantcoder-validate', new Date(now())),
    sleep: cancellableSleep(context, extra),
    now,
    deadline: now() + COMPILE_WAIT_MS,
  });
  // Findings name files as the user gave them: under the folder when the project came from a path.
  const diagnostics =
    source.kind === 'path'
      ? compiled.diagnostics.map((diagnostic) => ({
          ...diagnostic,
          file: join(source.path, diagnostic.file),
        }))
      : compiled.diagnostics;
  return { ...compiled, diagnostics, emulated: quantConnect.emulated };
}

async function projectFiles(source: ProjectSource): Promise<SourceFile[]> {
  if (source.kind === 'files') return source.files;
  const info = await stat(source.path).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UserInputError(
      `compile needs the whole project: pass path as the project folder (not one file), or pass files.`,
    );
  }
  return readPythonProject(source.path);
}

function describe(checked: { files: number; diagnostics: Diagnostic[] }, compile?: CompileOutcome): string {
  const lines = [
    `${checked.files} file${checked.files === 1 ? '' : 's'} checked: ${countText(checked.diagnostics)}.`,
  ];
  if (checked.diagnostics.length > 0) lines.push(diagnosticLines(checked.diagnostics));
  if (compile) {
    const where = `project ${compile.projectId}${compile.emulated ? ', emulated' : ''}: ${compile.projectUrl}`;
    if (compile.state === 'BuildSuccess') lines.push(`QuantConnect compiled it (${where}).`);
    else if (compile.state === 'InQueue') {
      lines.push(
        `QuantConnect had not compiled it after ${COMPILE_WAIT_MS / 1000} s (${where}); call validate_code again with compile: true.`,
      );
    } else {
      lines.push(`QuantConnect's build failed (${where}):`, diagnosticLines(compile.diagnostics));
    }
  }
  return lines.join('\n');
}
