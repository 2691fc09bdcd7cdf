import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry, type Admin } from 'kafkajs';

const ANY = { resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY, operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY };

export const sameAcl = (a: AclEntry, b: AclEntry): boolean =>
  a.resourceType === b.resourceType && a.resourceName === b.resourceName && a.resourcePatternType === b.resourcePatternType &&
  a.principal === b.principal && a.host === b.host && a.operation === b.operation && a.permissionType === b.permissionType;

/** Every ACL on a resource of `namespace` (its topics and groups all start with `<namespace>.`), of one principal if given. */
export const namespaceAcls = async (admin: Admin, namespace: string, principal?: string): Promise<AclEntry[]> => {
  const { resources } = await admin.describeAcls({ ...ANY, ...(principal ? { principal } : {}) });
  return resources
    .filter((r) => r.resourceName.startsWith(`${namespace}.`))
    .flatMap((r) => r.acls.map((acl) => ({ ...acl, resourceType: r.resourceType, resourceName: r.resourceName, resourcePatternType: r.resourcePatternType })));
};

export const deleteAcls = async (admin: Admin, acls: AclEntry[]): Promise<void> => {
  if (acls.length) await admin.deleteAcls({ filters: acls });
};

/** Revokes every ACL on a namespace's names (when its topics and groups are dropped). */
export const dropNamespaceAcls = async (admin: Admin, namespace: string): Promise<number> => {
  const acls = await namespaceAcls(admin, namespace);
  await deleteAcls(admin, acls);
  return acls.length;
};
