import { createHash } from 'node:crypto';
import type {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertArtifactKey, verifyArtifact } from './artifact-integrity.js';
import type { ArtifactStore } from './artifact-store.js';
import { ArtifactError, TransientError } from './errors.js';

/**
 * The parts of the S3 SDK the store uses, passed in rather than imported: a bundle that imports the SDK
 * statically loads it at cold start, even behind a dynamic import of this module (esbuild hoists a bundled
 * module's external imports), so a function that rarely touches S3 loads these with loadS3Sdk when it does.
 */
export interface S3Sdk {
  S3Client: typeof S3Client;
  GetObjectCommand: typeof GetObjectCommand;
  PutObjectCommand: typeof PutObjectCommand;
  paginateListObjectsV2: typeof paginateListObjectsV2;
  NoSuchKey: typeof NoSuchKey;
  S3ServiceException: typeof S3ServiceException;
  getSignedUrl: typeof getSignedUrl;
}

/** Loads the S3 client and the presigner when first needed, not when the bundle loads. */
export async function loadS3Sdk(): Promise<S3Sdk> {
  const [client, presigner] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-request-presigner'),
  ]);
  return {
    S3Client: client.S3Client,
    GetObjectCommand: client.GetObjectCommand,
    PutObjectCommand: client.PutObjectCommand,
    paginateListObjectsV2: client.paginateListObjectsV2,
    NoSuchKey: client.NoSuchKey,
    S3ServiceException: client.S3ServiceException,
    getSignedUrl: presigner.getSignedUrl,
  };
}

/** Signs a GetObject request; `getSignedUrl` from @aws-sdk/s3-request-presigner by default. */
export type Presign = (
  client: S3Client,
  command: GetObjectCommand,
  options: { expiresIn: number },
) => Promise<string>;

export interface S3ArtifactStoreOptions {
  client: S3Client;
  bucket: string;
  /** Folder inside the bucket, without leading or trailing slash (e.g. `runs`). */
  prefix?: string;
  presign?: Presign;
}

/** A presigned link lasts a day unless asked otherwise. */
export const DEFAULT_LINK_SECONDS = 24 * 60 * 60;
/** SigV4 refuses presigned URLs that live longer than seven days. */
export const MAX_LINK_SECONDS = 7 * 24 * 60 * 60;

/** An artifact store over an S3 bucket, with the SDK given: contents checked by sha256 both ways, links presigned. */
export function createS3ArtifactStoreWith(sdk: S3Sdk, options: S3ArtifactStoreOptions): ArtifactStore {
  const { GetObjectCommand, PutObjectCommand, paginateListObjectsV2 } = sdk;
  const { client, bucket } = options;
  const mapS3Error = (error: unknown, key: string, action: 'read' | 'write') =>
    mapSdkError(sdk, error, key, action);
  const trimmedPrefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
  const prefix = trimmedPrefix ? assertArtifactKey(trimmedPrefix) : '';
  const presign: Presign =
    options.presign ?? ((signer, command, signing) => sdk.getSignedUrl(signer, command, signing));
  const objectKey = (key: string): string =>
    prefix ? `${prefix}/${assertArtifactKey(key)}` : assertArtifactKey(key);
  const readObject = async (key: string): Promise<Buffer> => {
    try {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      if (!response.Body) throw new ArtifactError(`Artifact ${key} came back from S3 without a body.`);
      return Buffer.from(await response.Body.transformToByteArray());
    } catch (error) {
      throw mapS3Error(error, key, 'read');
    }
  };

  return {
    async put(key, body, putOptions) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
      const digest = createHash('sha256').update(bytes).digest();
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: objectKey(key),
            Body: bytes,
            ContentLength: bytes.length,
            ContentType: putOptions?.contentType ?? contentTypeFor(key),
            // S3 itself rejects the upload when the bytes it received do not hash to this.
            ChecksumSHA256: digest.toString('base64'),
          }),
        );
      } catch (error) {
        throw mapS3Error(error, key, 'write');
      }
      return { key, sha256: digest.toString('hex'), bytes: bytes.length };
    },

    async get(ref) {
      return verifyArtifact(ref, await readObject(ref.key));
    },

    async read(key) {
      try {
        return await readObject(key);
      } catch (error) {
        if (error instanceof ArtifactError && isNoSuchKey(sdk, error.cause)) return undefined;
        throw error;
      }
    },

    async list(listPrefix) {
      const keys: string[] = [];
      try {
        const pages = paginateListObjectsV2(
          { client },
          { Bucket: bucket, Prefix: `${objectKey(listPrefix)}/` },
        );
        for await (const page of pages) {
          for (const object of page.Contents ?? []) {
            if (object.Key) keys.push(prefix ? object.Key.slice(prefix.length + 1) : object.Key);
          }
        }
      } catch (error) {
        throw mapS3Error(error, listPrefix, 'read');
      }
      return keys.sort();
    },

    link(ref, linkOptions) {
      const requested = linkOptions?.expiresInSeconds ?? DEFAULT_LINK_SECONDS;
      const expiresIn = Math.min(Math.max(Math.floor(requested), 1), MAX_LINK_SECONDS);
      return presign(client, new GetObjectCommand({ Bucket: bucket, Key: objectKey(ref.key) }), {
        expiresIn,
      });
    },

    locate(key) {
      return `s3://${bucket}/${objectKey(key)}`;
    },
  };
}

function mapSdkError(sdk: S3Sdk, error: unknown, key: string, action: 'read' | 'write'): Error {
  if (error instanceof ArtifactError) return error;
  if (isNoSuchKey(sdk, error)) {
    return new ArtifactError(`Artifact ${key} is missing from S3.`, { cause: error });
  }
  if (error instanceof sdk.S3ServiceException && (error.$fault === 'server' || error.$retryable)) {
    return new TransientError(`S3 failed to ${action} artifact ${key}; try again.`, { cause: error });
  }
  return new ArtifactError(`Could not ${action} artifact ${key} in S3.`, { cause: error });
}

function isNoSuchKey(sdk: S3Sdk, error: unknown): boolean {
  return (
    error instanceof sdk.NoSuchKey || (error instanceof sdk.S3ServiceException && error.name === 'NoSuchKey')
  );
}

function contentTypeFor(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  md: 'text/markdown; charset=utf-8',
  py: 'text/x-python; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  zip: 'application/zip',
  png: 'image/png',
  svg: 'image/svg+xml',
};
