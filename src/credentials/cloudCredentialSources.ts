/** The cloud layer's credential sources, as ActiveCredentials takes them. */
import {
  cliProfileCredentialSource,
  defaultChainCredentialSource,
  listCliProfiles,
  staticCredentialSource,
} from '../cloud/credentials';
import type { CredentialSourceFactory } from './activeCredentials';

export const cloudCredentialSources: CredentialSourceFactory = {
  fromAccessKey: staticCredentialSource,
  fromCliProfile: cliProfileCredentialSource,
  fromDefaultChain: defaultChainCredentialSource,
  listCliProfiles: () => listCliProfiles(),
};
