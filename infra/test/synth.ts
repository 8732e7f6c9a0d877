import { generateKeyPairSync } from 'node:crypto';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defineYilinApp } from '../lib/yilin-app';
import type { YilinStack } from '../lib/yilin-stack';

// The CommonJS module object itself, so that the spy is seen by aws-cdk-lib's own require('fs').
import fs = require('fs');

const handlersDir = path.resolve(__dirname, '../../functions/src');
/** The feature flags of cdk.json, so that the tests synthesize what the CLI synthesizes. */
const cdkJsonContext: Record<string, unknown> = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../cdk.json'), 'utf8')).context;
const realExistsSync = fs.existsSync;

/**
 * NodejsFunction checks that its entry file exists even when bundling is skipped. These tests skip
 * bundling, so they need the route table, not the handler modules: a handler that is not written yet
 * counts as present here (`npm run synth` bundles them and fails on a missing one). The stub stays for
 * the whole test file: aws-cdk-lib's copy of fs-extra keeps whichever existsSync it saw when it loaded.
 */
jest
  .spyOn(fs, 'existsSync')
  .mockImplementation((file) =>
    typeof file === 'string' && file.startsWith(handlersDir + path.sep) && file.endsWith('.ts') ? true : realExistsSync(file),
  );

/** The public key the tests deploy with; its private half is never needed by a synth. */
export const tokenPublicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

export interface Synthesized {
  stack: YilinStack;
  template: Template;
}

/** Synthesizes the app as `bin/app.ts` does, from the given context, without bundling. */
export function synth(context: Record<string, unknown> = {}): Synthesized {
  const app = new App({
    context: {
      ...cdkJsonContext,
      'aws:cdk:bundling-stacks': [],
      // Construct paths in resource metadata, as the CDK CLI writes them: the tests find resources by path.
      'aws:cdk:enable-path-metadata': true,
      wechatAppId: 'wx0123456789abcdef',
      tokenPublicKey,
      ...context,
    },
  });
  const stack = defineYilinApp(app);
  return { stack, template: Template.fromStack(stack) };
}
