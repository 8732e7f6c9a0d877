import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { handlerModule } from '../../functions/src/routes';

/** The workspace root: esbuild resolves the handlers' dependencies from its lock file and node_modules. */
const projectRoot = path.resolve(__dirname, '../..');
const sourceDir = path.join(projectRoot, 'functions/src');

/** The runtime every function of the project runs on; tests assert against it. */
export const projectRuntime = lambda.Runtime.NODEJS_22_X;

/** How a function may use the table: reads only, or reads and writes. */
export type TableAccess = 'read' | 'readWrite';

export interface ProjectFunctionProps {
  /** A handler of the route table or of a job, e.g. `elders/get`; its module is found with `handlerModule`. */
  readonly handler: string;
  /** The module to bundle instead of the handler's own (a function serving several routes). */
  readonly entry?: string;
  readonly table: ITable;
  /** Granted on the table and its indexes, and nothing more. */
  readonly tableAccess: TableAccess;
  readonly stage: string;
  /** Secrets the function reads at runtime: each is passed by ARN in the named variable and granted read. */
  readonly secrets?: Record<string, ISecret>;
  /** Further plain environment variables. */
  readonly environment?: Record<string, string>;
  /**
   * API Gateway gives up after 30 s; a request that is not done in 10 s is stuck, not slow.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Lambda allots CPU in proportion to memory; 512 MB keeps cold starts of a bundled SDK short.
   * @default 512
   */
  readonly memorySize?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Whether the log group outlives the stack (production keeps its logs for the retention period).
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * Read by the functions' logger.
   * @default 'INFO'
   */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/**
 * A function of this project: one handler module bundled by esbuild, on Node.js 22 and arm64, with its
 * own log group and retention, source-mapped stack traces, and least-privilege access to the table.
 * Its role carries only the permissions granted here (no managed policy), so every permission is visible.
 */
export class ProjectFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.handler} handler`,
    });
    // Granted explicitly instead of AWSLambdaBasicExecutionRole: writes to this function's log group only.
    this.logGroup.grantWrite(this.role);

    const secretArns = Object.fromEntries(
      Object.entries(props.secrets ?? {}).map(([variable, secret]) => [variable, secret.secretArn]),
    );
    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry ?? path.join(sourceDir, `${handlerModule(props.handler)}.ts`),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      runtime: projectRuntime,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout ?? Duration.seconds(10),
      memorySize: props.memorySize ?? 512,
      role: this.role,
      logGroup: this.logGroup,
      bundling: {
        format: OutputFormat.CJS,
        target: 'node22',
        minify: true,
        // A linked map next to the bundle; Node reads it when NODE_OPTIONS enables source maps.
        sourceMap: true,
        sourcesContent: false,
        // Bundle the pinned AWS SDK instead of the runtime's copy, so the cloud runs the version tested locally.
        externalModules: [],
      },
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'yilin',
        LOG_LEVEL: props.logLevel ?? 'INFO',
        STAGE: props.stage,
        TABLE_NAME: props.table.tableName,
        ...secretArns,
        ...props.environment,
      },
    });

    if (props.tableAccess === 'read') props.table.grantReadData(this.fn);
    else props.table.grantReadWriteData(this.fn);
    for (const secret of Object.values(props.secrets ?? {})) secret.grantRead(this.fn);
  }
}
