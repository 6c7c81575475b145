// Step 4 of the packaging test, second half: tsc type-checks a consumer file that uses the
// frontend's public API and /alpha, and a check module written against the node package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { byDir, check, timed, ts } from './support.mjs';

/**
 * 4b. tsc type-checks a file using the frontend's public API and /alpha, and a check module
 * written against the node package, from the tarballs alone.
 */
export function checkConsumerTypes(consumer) {
  const backend = byDir['backup-posture-backend'];
  const frontend = byDir['backup-posture'];
  const nodeLibrary = byDir['backup-posture-node'];
  const appFile = join(consumer, 'src', 'App.tsx');
  mkdirSync(dirname(appFile), { recursive: true });
  writeFileSync(
    appFile,
    `import {
  backupPosturePlugin,
  backupPostureApiRef,
  backupPostureRootRouteRef,
  BackupPostureClient,
  BackupPostureReportPage,
  EntityBackupPostureCard,
  EntityBackupPostureContent,
  EntityGroupBackupPostureCard,
  isBackupPostureAvailable,
} from '${frontend.name}';
import type { BackupPostureApi } from '${frontend.name}';
import nfsPlugin, {
  backupPostureEntityCard,
  backupPostureReportPage,
} from '${frontend.name}/alpha';
import backendPlugin, {
  backupPostureModuleBuiltInChecks,
  backupPosturePlugin as backendOnly,
} from '${backend.name}';
import type { BackupPostureConfig } from '${backend.name}';
import {
  backupPostureChecksExtensionPoint,
  finding,
} from '${nodeLibrary.name}';
import type {
  AwsCheck,
  BackupPostureChecksExtensionPoint,
} from '${nodeLibrary.name}';

export const legacy = [
  backupPosturePlugin.getId(),
  backupPostureApiRef.id,
  backupPostureRootRouteRef,
  <BackupPostureReportPage />,
  <EntityBackupPostureCard />,
  <EntityBackupPostureContent />,
  <EntityGroupBackupPostureCard />,
];
export const available: boolean = isBackupPostureAvailable({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
});
export const client: BackupPostureApi = new BackupPostureClient({
  discoveryApi: { getBaseUrl: async () => 'http://localhost:7007/api/backup-posture' },
  fetchApi: { fetch },
});
export const pluginId: string = nfsPlugin.pluginId;
type CardKind = (typeof backupPostureEntityCard)['T']['kind'];
export const cardKind: CardKind = 'entity-card';
// @ts-expect-error the report page is a page (fails if the types degrade to any)
export const pageKind: (typeof backupPostureReportPage)['T']['kind'] = 'entity-card';
export const backendFeature: { $$type: '@backstage/BackendFeature' } = backendPlugin;
export const config: BackupPostureConfig | undefined = undefined;
export const features: Array<{ $$type: '@backstage/BackendFeature' }> = [
  backendOnly,
  backupPostureModuleBuiltInChecks,
];
export const orgCheck: AwsCheck = {
  definition: {
    id: 'org-resources-tagged',
    title: 'Resources are tagged',
    cloud: 'aws',
    severity: 'info',
    rules: [],
    description: 'Each resource has tags.',
    remediation: { why: 'Cost allocation.', console: ['Tag it.'] },
  },
  evaluate: ({ ctx }) =>
    ctx.aws.resources.map(r =>
      finding(r.arn, Object.keys(r.tags).length ? 'pass' : 'fail', 'tags', {
        tagKeys: Object.keys(r.tags),
      }),
    ),
};
export const checksPointId: string = backupPostureChecksExtensionPoint.id;
export const addOrgCheck = (point: BackupPostureChecksExtensionPoint) =>
  point.addChecks(orgCheck);
// @ts-expect-error a check's cloud and its input go together (fails if the types degrade)
export const wrongCloud: AwsCheck = { ...orgCheck, definition: { ...orgCheck.definition, cloud: 'azure' } };
`,
  );
  {
    const options = {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      esModuleInterop: true,
      resolveJsonModule: true,
      baseUrl: undefined,
    };
    const problems = timed('tsc consumer', () => {
      const host = ts.createCompilerHost(options);
      const program = ts.createProgram([appFile], options, host);
      // Check the consumer's file and every declaration file the tarballs ship (lazily: only
      // those files, not every library in the program).
      const ours = program
        .getSourceFiles()
        .filter(
          sf =>
            sf.fileName === appFile.split(sep).join('/') ||
            sf.fileName.includes('/consumer/node_modules/@backup-posture/'),
        );
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...ours.flatMap(sf => [
          ...program.getSyntacticDiagnostics(sf),
          ...program.getSemanticDiagnostics(sf),
        ]),
      ];
      const found = [];
      for (const entry of [
        `${frontend.name}`,
        `${frontend.name}/alpha`,
        `${backend.name}`,
        `${nodeLibrary.name}`,
      ]) {
        for (const moduleResolution of [
          ts.ModuleResolutionKind.Bundler,
          ts.ModuleResolutionKind.Node10,
        ]) {
          const r = ts.resolveModuleName(
            entry,
            appFile,
            { ...options, moduleResolution },
            host,
          ).resolvedModule;
          if (!r || !r.resolvedFileName.includes('/consumer/node_modules/')) {
            found.push(
              `${entry} (moduleResolution ${ts.ModuleResolutionKind[moduleResolution]}) resolves to ${r ? r.resolvedFileName : 'nothing'}`,
            );
          }
        }
      }
      return [
        ...found,
        ...diagnostics.map(d => {
          const where = d.file
            ? `${relative(consumer, d.file.fileName)}:${
                d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1
              }: `
            : '';
          return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
        }),
      ];
    });
    check(
      'consumer: tsc type-checks the frontend public API and /alpha, and a check module, from the tarballs',
      problems.slice(0, 20),
    );
  }
}
