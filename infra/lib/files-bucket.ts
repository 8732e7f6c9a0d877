import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface FilesBucketProps {
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The files bucket: photos and voice notes, uploaded by phones with presigned POSTs and read through
 * short-lived presigned URLs (functions/src/store/files.ts), kept under each owner's folder. Private,
 * encrypted, TLS only, owned by the bucket.
 */
export class FilesBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: FilesBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: false,
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Objects are reached only through presigned URLs that the functions issue per request and log; S3 access logs would add nothing a person could act on.',
    });
  }

  /**
   * What a function that issues upload forms, checks uploads and links to files may do, named action by
   * action: put, get and delete objects. No listing, no ACLs, no versions. The objects are every owner's
   * (a staff member's photo is read wherever they are shown), hence the `/*` resource, acknowledged here.
   */
  grantFiles(target: Construct & { readonly fn: iam.IGrantable }): void {
    target.fn.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], resources: [this.bucket.arnForObjects('*')] }),
    );
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(target).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason: 'Files are kept per owner under one bucket and read wherever their owner is shown; the functions reach them only through presigned links and checked uploads.',
    });
  }
}
