import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
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

  /** What a function that issues upload forms, checks uploads and reads files may do: no listing. */
  grantFiles(grantee: iam.IGrantable): void {
    this.bucket.grantPut(grantee);
    this.bucket.grantRead(grantee);
    this.bucket.grantDelete(grantee);
  }
}
