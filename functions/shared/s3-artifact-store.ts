import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ArtifactStore } from './artifact-store.js';
import { createS3ArtifactStoreWith, type S3ArtifactStoreOptions } from './s3-sdk-artifact-store.js';

export {
  DEFAULT_LINK_SECONDS,
  MAX_LINK_SECONDS,
  type Presign,
  type S3ArtifactStoreOptions,
} from './s3-sdk-artifact-store.js';

/** An artifact store over an S3 bucket: contents checked by sha256 both ways, links presigned. */
export function createS3ArtifactStore(options: S3ArtifactStoreOptions): ArtifactStore {
  return createS3ArtifactStoreWith(
    {
      S3Client,
      GetObjectCommand,
      PutObjectCommand,
      paginateListObjectsV2,
      NoSuchKey,
      S3ServiceException,
      getSignedUrl,
    },
    options,
  );
}
