import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ArtifactBucketsProps {
  /** How long run artifacts are kept. */
  readonly expiration: Duration;
  /** How long server access logs are kept. @default 90 days */
  readonly accessLogExpiration?: Duration;
}

/**
 * The artifact bucket (every run's files, reports and zips) and the bucket that receives its
 * server access logs. Both are private, TLS-only, encrypted, expire their objects, and survive a
 * stack deletion: runs are evidence, and a deleted stack must not take them along by surprise.
 */
export class ArtifactBuckets extends Construct {
  readonly artifacts: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: ArtifactBucketsProps) {
    super(scope, id);

    // Server access logs can only be delivered to a bucket encrypted with S3-managed keys.
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...privateBucketDefaults,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: props.accessLogExpiration ?? Duration.days(90) },
      ],
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log bucket; logging its own access would log the logging.',
    });

    this.artifacts = new s3.Bucket(this, 'Bucket', {
      ...privateBucketDefaults,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'artifacts/',
      lifecycleRules: [
        {
          id: 'expire-run-artifacts',
          expiration: props.expiration,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
  }
}

const privateBucketDefaults = {
  encryption: s3.BucketEncryption.S3_MANAGED,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  versioned: false,
  autoDeleteObjects: false,
  removalPolicy: RemovalPolicy.RETAIN,
} satisfies s3.BucketProps;
