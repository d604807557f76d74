// kubectl v1.32.4-dispatcher's completion data, recorded by scripts/gen-completion.mjs (do not edit by hand).

import type { RecordedFlag, RecordedNode } from './types';

/** The flags every command inherits from the root, in the order kubectl lists them. */
export const GLOBAL: readonly RecordedFlag[] = [["as","","v","Username to impersonate for the operation. User could be a regular user or a service account in a namespace."],["as-group","","s","Group to impersonate for the operation, this flag can be repeated to specify multiple groups."],["as-uid","","v","UID to impersonate for the operation."],["cache-dir","","v","Default cache directory"],["certificate-authority","","v","Path to a cert file for the certificate authority"],["client-certificate","","v","Path to a client certificate file for TLS"],["client-key","","v","Path to a client key file for TLS"],["cluster","","v","The name of the kubeconfig cluster to use",[4]],["context","","v","The name of the kubeconfig context to use",[4]],["disable-compression","","b","If true, opt-out of response compression for all requests to the server"],["insecure-skip-tls-verify","","b","If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"],["kubeconfig","","v","Path to the kubeconfig file to use for CLI requests."],["log-flush-frequency","","v","Maximum number of seconds between log flushes"],["match-server-version","","b","Require server version to match client version"],["namespace","n","v","If present, the namespace scope for this CLI request",[4]],["password","","v","Password for basic authentication to the API server"],["profile","","v","Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"],["profile-output","","v","Name of the file to write the profile to"],["request-timeout","","v","The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."],["server","s","v","The address and port of the Kubernetes API server"],["tls-server-name","","v","Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"],["token","","v","Bearer token for authentication to the API server"],["user","","v","The name of the kubeconfig user to use",[4]],["username","","v","Username for basic authentication to the API server"],["v","v","v","number for the log level verbosity"],["vmodule","","v","comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"],["warnings-as-errors","","b","Treat warnings received from the server as errors and exit with a non-zero exit code"]];

/** Each command path ("" the root, "rollout status"): subcommands, own flags, required flags. */
export const TREE: Readonly<Record<string, RecordedNode>> = {
 "": {
  "commands": [
   [
    "annotate",
    "Update the annotations on a resource"
   ],
   [
    "api-resources",
    "Print the supported API resources on the server"
   ],
   [
    "api-versions",
    "Print the supported API versions on the server, in the form of \"group/version\""
   ],
   [
    "apply",
    "Apply a configuration to a resource by file name or stdin"
   ],
   [
    "attach",
    "Attach to a running container"
   ],
   [
    "auth",
    "Inspect authorization"
   ],
   [
    "autoscale",
    "Auto-scale a deployment, replica set, stateful set, or replication controller"
   ],
   [
    "certificate",
    "Modify certificate resources"
   ],
   [
    "cluster-info",
    "Display cluster information"
   ],
   [
    "completion",
    "Output shell completion code for the specified shell (bash, zsh, fish, or powershell)"
   ],
   [
    "config",
    "Modify kubeconfig files"
   ],
   [
    "cordon",
    "Mark node as unschedulable"
   ],
   [
    "cp",
    "Copy files and directories to and from containers"
   ],
   [
    "create",
    "Create a resource from a file or from stdin"
   ],
   [
    "debug",
    "Create debugging sessions for troubleshooting workloads and nodes"
   ],
   [
    "delete",
    "Delete resources by file names, stdin, resources and names, or by resources and label selector"
   ],
   [
    "describe",
    "Show details of a specific resource or group of resources"
   ],
   [
    "diff",
    "Diff the live version against a would-be applied version"
   ],
   [
    "drain",
    "Drain node in preparation for maintenance"
   ],
   [
    "edit",
    "Edit a resource on the server"
   ],
   [
    "events",
    "List events"
   ],
   [
    "exec",
    "Execute a command in a container"
   ],
   [
    "explain",
    "Get documentation for a resource"
   ],
   [
    "expose",
    "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service"
   ],
   [
    "get",
    "Display one or many resources"
   ],
   [
    "help",
    "Help about any command"
   ],
   [
    "kustomize",
    "Build a kustomization target from a directory or URL"
   ],
   [
    "label",
    "Update the labels on a resource"
   ],
   [
    "logs",
    "Print the logs for a container in a pod"
   ],
   [
    "options",
    "Print the list of flags inherited by all commands"
   ],
   [
    "patch",
    "Update fields of a resource"
   ],
   [
    "plugin",
    "Provides utilities for interacting with plugins"
   ],
   [
    "port-forward",
    "Forward one or more local ports to a pod"
   ],
   [
    "proxy",
    "Run a proxy to the Kubernetes API server"
   ],
   [
    "replace",
    "Replace a resource by file name or stdin"
   ],
   [
    "rollout",
    "Manage the rollout of a resource"
   ],
   [
    "run",
    "Run a particular image on the cluster"
   ],
   [
    "scale",
    "Set a new size for a deployment, replica set, or replication controller"
   ],
   [
    "set",
    "Set specific features on objects"
   ],
   [
    "taint",
    "Update the taints on one or more nodes"
   ],
   [
    "top",
    "Display resource (CPU/memory) usage"
   ],
   [
    "uncordon",
    "Mark node as schedulable"
   ],
   [
    "version",
    "Print the client and server version information"
   ],
   [
    "wait",
    "Experimental: Wait for a specific condition on one or many resources"
   ]
  ],
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "help",
    "h",
    "b",
    "help for kubectl"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "Path to the kubeconfig file to use for CLI requests."
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ]
  ]
 },
 "annotate": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources, in the namespace of the specified resource types."
   ],
   [
    "all-namespaces",
    "A",
    "b",
    "If true, check the specified action in all namespaces."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "field-selector",
    "",
    "v",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to update the annotation",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for annotate"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "list",
    "",
    "b",
    "If true, display the annotations for a given resource."
   ],
   [
    "local",
    "",
    "b",
    "If true, annotation will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "overwrite",
    "",
    "b",
    "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "resource-version",
    "",
    "v",
    "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "api-resources": {
  "flags": [
   [
    "api-group",
    "",
    "v",
    "Limit to resources in the specified API group."
   ],
   [
    "cached",
    "",
    "b",
    "Use the cached list of resources if available."
   ],
   [
    "categories",
    "",
    "s",
    "Limit to resources that belong to the specified categories."
   ],
   [
    "help",
    "h",
    "b",
    "help for api-resources"
   ],
   [
    "namespaced",
    "",
    "b",
    "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default."
   ],
   [
    "no-headers",
    "",
    "b",
    "When using the default or custom-column output format, don't print headers (default print headers)."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (wide, name)."
   ],
   [
    "sort-by",
    "",
    "v",
    "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'."
   ],
   [
    "verbs",
    "",
    "s",
    "Limit to resources that support the specified verbs."
   ]
  ]
 },
 "api-versions": {
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for api-versions"
   ]
  ]
 },
 "apply": {
  "commands": [
   [
    "edit-last-applied",
    "Edit latest last-applied-configuration annotations of a resource/object"
   ],
   [
    "set-last-applied",
    "Set the last-applied-configuration annotation on a live object to match the contents of a file"
   ],
   [
    "view-last-applied",
    "View the latest last-applied-configuration annotations of a resource/object"
   ]
  ],
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources in the namespace of the specified resource types."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "cascade",
    "",
    "b",
    "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "The files that contain the configurations to apply.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "force",
    "",
    "b",
    "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."
   ],
   [
    "force-conflicts",
    "",
    "b",
    "If true, server-side apply will force the changes against conflicts."
   ],
   [
    "grace-period",
    "",
    "v",
    "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."
   ],
   [
    "help",
    "h",
    "b",
    "help for apply"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process a kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "openapi-patch",
    "",
    "b",
    "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "overwrite",
    "",
    "b",
    "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration"
   ],
   [
    "prune",
    "",
    "b",
    "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all."
   ],
   [
    "prune-allowlist",
    "",
    "s",
    "Overwrite the default allowlist with <group/version/kind> for --prune"
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "server-side",
    "",
    "b",
    "If true, apply runs in the server instead of the client."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "subresource",
    "",
    "v",
    "If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future.",
    [
     4,
     "status",
     "scale",
     "resize"
    ]
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "wait",
    "",
    "b",
    "If true, wait for resources to be gone before returning. This waits for finalizers."
   ]
  ]
 },
 "apply edit-last-applied": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files to use to edit the resource",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for edit-last-applied"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "windows-line-endings",
    "",
    "b",
    "Defaults to the line ending native to your platform."
   ]
  ]
 },
 "apply set-last-applied": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "create-annotation",
    "",
    "b",
    "Will create 'last-applied-configuration' annotations if current objects doesn't have one"
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files that contains the last-applied-configuration annotations",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for set-last-applied"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "apply view-last-applied": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources in the namespace of the specified resource types"
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files that contains the last-applied-configuration annotations",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for view-last-applied"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. Must be one of (yaml, json)"
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ]
  ]
 },
 "attach": {
  "flags": [
   [
    "container",
    "c",
    "v",
    "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"
   ],
   [
    "help",
    "h",
    "b",
    "help for attach"
   ],
   [
    "pod-running-timeout",
    "",
    "v",
    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"
   ],
   [
    "quiet",
    "q",
    "b",
    "Only print output from the remote session"
   ],
   [
    "stdin",
    "i",
    "b",
    "Pass stdin to the container"
   ],
   [
    "tty",
    "t",
    "b",
    "Stdin is a TTY"
   ]
  ]
 },
 "auth": {
  "commands": [
   [
    "can-i",
    "Check whether an action is allowed"
   ],
   [
    "reconcile",
    "Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects"
   ],
   [
    "whoami",
    "Experimental: Check self subject attributes"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for auth"
   ]
  ]
 },
 "auth can-i": {
  "flags": [
   [
    "all-namespaces",
    "A",
    "b",
    "If true, check the specified action in all namespaces."
   ],
   [
    "help",
    "h",
    "b",
    "help for can-i"
   ],
   [
    "list",
    "",
    "b",
    "If true, prints all allowed actions."
   ],
   [
    "no-headers",
    "",
    "b",
    "If true, prints allowed actions without headers"
   ],
   [
    "quiet",
    "q",
    "b",
    "If true, suppress output and just return the exit code."
   ],
   [
    "subresource",
    "",
    "v",
    "SubResource such as pod/log or deployment/scale"
   ]
  ]
 },
 "auth reconcile": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to reconcile.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for reconcile"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "remove-extra-permissions",
    "",
    "b",
    "If true, removes extra permissions added to roles"
   ],
   [
    "remove-extra-subjects",
    "",
    "b",
    "If true, removes extra subjects added to rolebindings"
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "auth whoami": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "help",
    "h",
    "b",
    "help for whoami"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "autoscale": {
  "required": [
   "max"
  ],
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "cpu-percent",
    "",
    "v",
    "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to autoscale.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for autoscale"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "max",
    "",
    "v",
    "The upper limit for the number of pods that can be set by the autoscaler. Required."
   ],
   [
    "min",
    "",
    "v",
    "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value."
   ],
   [
    "name",
    "",
    "v",
    "The name for the newly created object. If not specified, the name of the input resource will be used."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "certificate": {
  "commands": [
   [
    "approve",
    "Approve a certificate signing request"
   ],
   [
    "deny",
    "Deny a certificate signing request"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for certificate"
   ]
  ]
 },
 "certificate approve": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to update",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "force",
    "",
    "b",
    "Update the CSR even if it is already approved."
   ],
   [
    "help",
    "h",
    "b",
    "help for approve"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "certificate deny": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to update",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "force",
    "",
    "b",
    "Update the CSR even if it is already denied."
   ],
   [
    "help",
    "h",
    "b",
    "help for deny"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "cluster-info": {
  "commands": [
   [
    "dump",
    "Dump relevant information for debugging and diagnosis"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for cluster-info"
   ]
  ]
 },
 "cluster-info dump": {
  "flags": [
   [
    "all-namespaces",
    "A",
    "b",
    "If true, dump all namespaces.  If true, --namespaces is ignored."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "help",
    "h",
    "b",
    "help for dump"
   ],
   [
    "namespaces",
    "",
    "s",
    "A comma separated list of namespaces to dump."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "output-directory",
    "",
    "v",
    "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory"
   ],
   [
    "pod-running-timeout",
    "",
    "v",
    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "completion": {
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for completion"
   ]
  ]
 },
 "config": {
  "commands": [
   [
    "current-context",
    "Display the current-context"
   ],
   [
    "delete-cluster",
    "Delete the specified cluster from the kubeconfig"
   ],
   [
    "delete-context",
    "Delete the specified context from the kubeconfig"
   ],
   [
    "delete-user",
    "Delete the specified user from the kubeconfig"
   ],
   [
    "get-clusters",
    "Display clusters defined in the kubeconfig"
   ],
   [
    "get-contexts",
    "Describe one or many contexts"
   ],
   [
    "get-users",
    "Display users defined in the kubeconfig"
   ],
   [
    "rename-context",
    "Rename a context from the kubeconfig file"
   ],
   [
    "set",
    "Set an individual value in a kubeconfig file"
   ],
   [
    "set-cluster",
    "Set a cluster entry in kubeconfig"
   ],
   [
    "set-context",
    "Set a context entry in kubeconfig"
   ],
   [
    "set-credentials",
    "Set a user entry in kubeconfig"
   ],
   [
    "unset",
    "Unset an individual value in a kubeconfig file"
   ],
   [
    "use-context",
    "Set the current-context in a kubeconfig file"
   ],
   [
    "view",
    "Display merged kubeconfig settings or a specified kubeconfig file"
   ]
  ],
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for config"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ]
  ]
 },
 "config current-context": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for current-context"
   ]
  ]
 },
 "config delete-cluster": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for delete-cluster"
   ]
  ]
 },
 "config delete-context": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for delete-context"
   ]
  ]
 },
 "config delete-user": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for delete-user"
   ]
  ]
 },
 "config get-clusters": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for get-clusters"
   ]
  ]
 },
 "config get-contexts": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for get-contexts"
   ],
   [
    "no-headers",
    "",
    "b",
    "When using the default or custom-column output format, don't print headers (default print headers)."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (name)."
   ]
  ]
 },
 "config get-users": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for get-users"
   ]
  ]
 },
 "config rename-context": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for rename-context"
   ]
  ]
 },
 "config set": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for set"
   ],
   [
    "set-raw-bytes",
    "",
    "b",
    "When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding."
   ]
  ]
 },
 "config set-cluster": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to certificate-authority file for the cluster entry in kubeconfig"
   ],
   [
    "embed-certs",
    "",
    "b",
    "embed-certs for the cluster entry in kubeconfig"
   ],
   [
    "help",
    "h",
    "b",
    "help for set-cluster"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "insecure-skip-tls-verify for the cluster entry in kubeconfig"
   ],
   [
    "proxy-url",
    "",
    "v",
    "proxy-url for the cluster entry in kubeconfig"
   ],
   [
    "server",
    "",
    "v",
    "server for the cluster entry in kubeconfig"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "tls-server-name for the cluster entry in kubeconfig"
   ]
  ]
 },
 "config set-context": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "cluster",
    "",
    "v",
    "cluster for the context entry in kubeconfig"
   ],
   [
    "current",
    "",
    "b",
    "Modify the current context"
   ],
   [
    "help",
    "h",
    "b",
    "help for set-context"
   ],
   [
    "namespace",
    "",
    "v",
    "namespace for the context entry in kubeconfig",
    [
     4
    ]
   ],
   [
    "user",
    "",
    "v",
    "user for the context entry in kubeconfig"
   ]
  ]
 },
 "config set-credentials": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "auth-provider",
    "",
    "v",
    "Auth provider for the user entry in kubeconfig"
   ],
   [
    "auth-provider-arg",
    "",
    "b",
    "'key=value' arguments for the auth provider"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to client-certificate file for the user entry in kubeconfig"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to client-key file for the user entry in kubeconfig"
   ],
   [
    "embed-certs",
    "",
    "b",
    "Embed client cert/key for the user entry in kubeconfig"
   ],
   [
    "exec-api-version",
    "",
    "v",
    "API version of the exec credential plugin for the user entry in kubeconfig"
   ],
   [
    "exec-arg",
    "",
    "s",
    "New arguments for the exec credential plugin command for the user entry in kubeconfig"
   ],
   [
    "exec-command",
    "",
    "v",
    "Command for the exec credential plugin for the user entry in kubeconfig"
   ],
   [
    "exec-env",
    "",
    "s",
    "'key=value' environment values for the exec credential plugin"
   ],
   [
    "exec-interactive-mode",
    "",
    "v",
    "InteractiveMode of the exec credentials plugin for the user entry in kubeconfig"
   ],
   [
    "exec-provide-cluster-info",
    "",
    "b",
    "ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig"
   ],
   [
    "help",
    "h",
    "b",
    "help for set-credentials"
   ],
   [
    "password",
    "",
    "v",
    "password for the user entry in kubeconfig"
   ],
   [
    "token",
    "",
    "v",
    "token for the user entry in kubeconfig"
   ],
   [
    "username",
    "",
    "v",
    "username for the user entry in kubeconfig"
   ]
  ]
 },
 "config unset": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for unset"
   ]
  ]
 },
 "config use-context": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "help",
    "h",
    "b",
    "help for use-context"
   ]
  ]
 },
 "config view": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "use a particular kubeconfig file"
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "flatten",
    "",
    "b",
    "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)"
   ],
   [
    "help",
    "h",
    "b",
    "help for view"
   ],
   [
    "merge",
    "",
    "b",
    "Merge the full hierarchy of kubeconfig files"
   ],
   [
    "minify",
    "",
    "b",
    "Remove all information not used by current-context from the output"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "raw",
    "",
    "b",
    "Display raw byte data and sensitive data"
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "cordon": {
  "flags": [
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "help",
    "h",
    "b",
    "help for cordon"
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ]
  ]
 },
 "cp": {
  "flags": [
   [
    "container",
    "c",
    "v",
    "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"
   ],
   [
    "help",
    "h",
    "b",
    "help for cp"
   ],
   [
    "no-preserve",
    "",
    "b",
    "The copied file/directory's ownership and permissions will not be preserved in the container"
   ],
   [
    "retries",
    "",
    "v",
    "Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry)."
   ]
  ]
 },
 "create": {
  "commands": [
   [
    "clusterrole",
    "Create a cluster role"
   ],
   [
    "clusterrolebinding",
    "Create a cluster role binding for a particular cluster role"
   ],
   [
    "configmap",
    "Create a config map from a local file, directory or literal value"
   ],
   [
    "cronjob",
    "Create a cron job with the specified name"
   ],
   [
    "deployment",
    "Create a deployment with the specified name"
   ],
   [
    "ingress",
    "Create an ingress with the specified name"
   ],
   [
    "job",
    "Create a job with the specified name"
   ],
   [
    "namespace",
    "Create a namespace with the specified name"
   ],
   [
    "poddisruptionbudget",
    "Create a pod disruption budget with the specified name"
   ],
   [
    "priorityclass",
    "Create a priority class with the specified name"
   ],
   [
    "quota",
    "Create a quota with the specified name"
   ],
   [
    "role",
    "Create a role with single rule"
   ],
   [
    "rolebinding",
    "Create a role binding for a particular role or cluster role"
   ],
   [
    "secret",
    "Create a secret using a specified subcommand"
   ],
   [
    "service",
    "Create a service using a specified subcommand"
   ],
   [
    "serviceaccount",
    "Create a service account with the specified name"
   ],
   [
    "token",
    "Request a service account token"
   ]
  ],
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "edit",
    "",
    "b",
    "Edit the API resource before creating"
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files to use to create the resource",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for create"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "raw",
    "",
    "v",
    "Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "windows-line-endings",
    "",
    "b",
    "Only relevant if --edit=true. Defaults to the line ending native to your platform."
   ]
  ]
 },
 "create clusterrole": {
  "flags": [
   [
    "aggregation-rule",
    "",
    "v",
    "An aggregation label selector for combining ClusterRoles."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for clusterrole"
   ],
   [
    "non-resource-url",
    "",
    "s",
    "A partial url that user should have access to."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "resource",
    "",
    "s",
    "Resource that the rule applies to"
   ],
   [
    "resource-name",
    "",
    "s",
    "Resource in the white list that the rule applies to, repeat this flag for multiple items"
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "verb",
    "",
    "s",
    "Verb that applies to the resources contained in the rule"
   ]
  ]
 },
 "create clusterrolebinding": {
  "required": [
   "clusterrole"
  ],
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "Path to the kubeconfig file to use for CLI requests."
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "clusterrole",
    "",
    "v",
    "ClusterRole this ClusterRoleBinding should reference",
    [
     4
    ]
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "group",
    "",
    "s",
    "Groups to bind to the clusterrole. The flag can be repeated to add multiple groups."
   ],
   [
    "help",
    "h",
    "b",
    "help for clusterrolebinding"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "serviceaccount",
    "",
    "s",
    "Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "user",
    "",
    "s",
    "Usernames to bind to the clusterrole. The flag can be repeated to add multiple users."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create configmap": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "append-hash",
    "",
    "b",
    "Append a hash of the configmap to its name."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "from-env-file",
    "",
    "s",
    "Specify the path to a file to read lines of key=val pairs to create a configmap."
   ],
   [
    "from-file",
    "",
    "s",
    "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key."
   ],
   [
    "from-literal",
    "",
    "s",
    "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)"
   ],
   [
    "help",
    "h",
    "b",
    "help for configmap"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create cronjob": {
  "required": [
   "image",
   "schedule"
  ],
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for cronjob"
   ],
   [
    "image",
    "",
    "v",
    "Image name to run."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "restart",
    "",
    "v",
    "job's restart policy. supported values: OnFailure, Never"
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "schedule",
    "",
    "v",
    "A schedule in the Cron format the job should be run with."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create deployment": {
  "required": [
   "image"
  ],
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for deployment"
   ],
   [
    "image",
    "",
    "s",
    "Image names to run. A deployment can have multiple images set for multi-container pod."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "port",
    "",
    "v",
    "The containerPort that this deployment exposes."
   ],
   [
    "replicas",
    "r",
    "v",
    "Number of replicas to create. Default is 1."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create ingress": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "annotation",
    "",
    "s",
    "Annotation to insert in the ingress object, in the format annotation=value"
   ],
   [
    "class",
    "",
    "v",
    "Ingress Class to be used"
   ],
   [
    "default-backend",
    "",
    "v",
    "Default service for backend, in format of svcname:port"
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for ingress"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "rule",
    "",
    "s",
    "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create job": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "from",
    "",
    "v",
    "The name of the resource to create a Job from (only cronjob is supported)."
   ],
   [
    "help",
    "h",
    "b",
    "help for job"
   ],
   [
    "image",
    "",
    "v",
    "Image name to run."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create namespace": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for namespace"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create poddisruptionbudget": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for poddisruptionbudget"
   ],
   [
    "max-unavailable",
    "",
    "v",
    "The maximum number or percentage of unavailable pods this budget requires."
   ],
   [
    "min-available",
    "",
    "v",
    "The minimum number or percentage of available pods this budget requires."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "selector",
    "",
    "v",
    "A label selector to use for this budget. Only equality-based selector requirements are supported."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create priorityclass": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "description",
    "",
    "v",
    "description is an arbitrary string that usually provides guidelines on when this priority class should be used."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "global-default",
    "",
    "b",
    "global-default specifies whether this PriorityClass should be considered as the default priority."
   ],
   [
    "help",
    "h",
    "b",
    "help for priorityclass"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "preemption-policy",
    "",
    "v",
    "preemption-policy is the policy for preempting pods with lower priority."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "value",
    "",
    "v",
    "the value of this priority class."
   ]
  ]
 },
 "create quota": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "hard",
    "",
    "v",
    "A comma-delimited set of resource=quantity pairs that define a hard limit."
   ],
   [
    "help",
    "h",
    "b",
    "help for quota"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "scopes",
    "",
    "v",
    "A comma-delimited set of quota scopes that must all match each object tracked by the quota."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create role": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for role"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "resource",
    "",
    "s",
    "Resource that the rule applies to"
   ],
   [
    "resource-name",
    "",
    "s",
    "Resource in the white list that the rule applies to, repeat this flag for multiple items"
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "verb",
    "",
    "s",
    "Verb that applies to the resources contained in the rule"
   ]
  ]
 },
 "create rolebinding": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "Path to the kubeconfig file to use for CLI requests."
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "clusterrole",
    "",
    "v",
    "ClusterRole this RoleBinding should reference"
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "group",
    "",
    "s",
    "Groups to bind to the role. The flag can be repeated to add multiple groups."
   ],
   [
    "help",
    "h",
    "b",
    "help for rolebinding"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "role",
    "",
    "v",
    "Role this RoleBinding should reference"
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "serviceaccount",
    "",
    "s",
    "Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "user",
    "",
    "s",
    "Usernames to bind to the role. The flag can be repeated to add multiple users."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create secret": {
  "commands": [
   [
    "docker-registry",
    "Create a secret for use with a Docker registry"
   ],
   [
    "generic",
    "Create a secret from a local file, directory, or literal value"
   ],
   [
    "tls",
    "Create a TLS secret"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for secret"
   ]
  ]
 },
 "create secret docker-registry": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "append-hash",
    "",
    "b",
    "Append a hash of the secret to its name."
   ],
   [
    "docker-email",
    "",
    "v",
    "Email for Docker registry"
   ],
   [
    "docker-password",
    "",
    "v",
    "Password for Docker registry authentication"
   ],
   [
    "docker-server",
    "",
    "v",
    "Server location for Docker registry"
   ],
   [
    "docker-username",
    "",
    "v",
    "Username for Docker registry authentication"
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "from-file",
    "",
    "s",
    "Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson."
   ],
   [
    "help",
    "h",
    "b",
    "help for docker-registry"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create secret generic": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "append-hash",
    "",
    "b",
    "Append a hash of the secret to its name."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "from-env-file",
    "",
    "s",
    "Specify the path to a file to read lines of key=val pairs to create a secret."
   ],
   [
    "from-file",
    "",
    "s",
    "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key."
   ],
   [
    "from-literal",
    "",
    "s",
    "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)"
   ],
   [
    "help",
    "h",
    "b",
    "help for generic"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "type",
    "",
    "v",
    "The type of secret to create"
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create secret tls": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "append-hash",
    "",
    "b",
    "Append a hash of the secret to its name."
   ],
   [
    "cert",
    "",
    "v",
    "Path to PEM encoded public key certificate."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for tls"
   ],
   [
    "key",
    "",
    "v",
    "Path to private key associated with given certificate."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create service": {
  "commands": [
   [
    "clusterip",
    "Create a ClusterIP service"
   ],
   [
    "externalname",
    "Create an ExternalName service"
   ],
   [
    "loadbalancer",
    "Create a LoadBalancer service"
   ],
   [
    "nodeport",
    "Create a NodePort service"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for service"
   ]
  ]
 },
 "create service clusterip": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "clusterip",
    "",
    "v",
    "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for clusterip"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "tcp",
    "",
    "s",
    "Port pairs can be specified as '<port>:<targetPort>'."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create service externalname": {
  "required": [
   "external-name"
  ],
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "external-name",
    "",
    "v",
    "External name of service"
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for externalname"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "tcp",
    "",
    "s",
    "Port pairs can be specified as '<port>:<targetPort>'."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create service loadbalancer": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for loadbalancer"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "tcp",
    "",
    "s",
    "Port pairs can be specified as '<port>:<targetPort>'."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create service nodeport": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for nodeport"
   ],
   [
    "node-port",
    "",
    "v",
    "Port used to expose the service on each node in a cluster."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "tcp",
    "",
    "s",
    "Port pairs can be specified as '<port>:<targetPort>'."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create serviceaccount": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for serviceaccount"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "create token": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "audience",
    "",
    "s",
    "Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences."
   ],
   [
    "bound-object-kind",
    "",
    "v",
    "Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided."
   ],
   [
    "bound-object-name",
    "",
    "v",
    "Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind."
   ],
   [
    "bound-object-uid",
    "",
    "v",
    "UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used."
   ],
   [
    "duration",
    "",
    "v",
    "Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime."
   ],
   [
    "help",
    "h",
    "b",
    "help for token"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "debug": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "Path to the kubeconfig file to use for CLI requests."
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "user",
    "",
    "v",
    "The name of the kubeconfig user to use",
    [
     4
    ]
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "arguments-only",
    "",
    "b",
    "If specified, everything after -- will be passed to the new container as Args instead of Command."
   ],
   [
    "attach",
    "",
    "b",
    "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true."
   ],
   [
    "container",
    "c",
    "v",
    "Container name to use for debug container."
   ],
   [
    "copy-to",
    "",
    "v",
    "Create a copy of the target Pod with this name."
   ],
   [
    "custom",
    "",
    "v",
    "Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles."
   ],
   [
    "env",
    "",
    "s",
    "Environment variables to set in the container."
   ],
   [
    "filename",
    "f",
    "s",
    "identifying the resource to debug",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for debug"
   ],
   [
    "image",
    "",
    "v",
    "Container image to use for debug container."
   ],
   [
    "image-pull-policy",
    "",
    "v",
    "The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server."
   ],
   [
    "keep-annotations",
    "",
    "b",
    "If true, keep the original pod annotations.(This flag only works when used with '--copy-to')"
   ],
   [
    "keep-init-containers",
    "",
    "b",
    "Run the init containers for the pod. Defaults to true.(This flag only works when used with '--copy-to')"
   ],
   [
    "keep-labels",
    "",
    "b",
    "If true, keep the original pod labels.(This flag only works when used with '--copy-to')"
   ],
   [
    "keep-liveness",
    "",
    "b",
    "If true, keep the original pod liveness probes.(This flag only works when used with '--copy-to')"
   ],
   [
    "keep-readiness",
    "",
    "b",
    "If true, keep the original pod readiness probes.(This flag only works when used with '--copy-to')"
   ],
   [
    "keep-startup",
    "",
    "b",
    "If true, keep the original startup probes.(This flag only works when used with '--copy-to')"
   ],
   [
    "profile",
    "",
    "v",
    "Options are \"legacy\", \"general\", \"baseline\", \"netadmin\", \"restricted\" or \"sysadmin\"."
   ],
   [
    "quiet",
    "q",
    "b",
    "If true, suppress informational messages."
   ],
   [
    "replace",
    "",
    "b",
    "When used with '--copy-to', delete the original Pod."
   ],
   [
    "same-node",
    "",
    "b",
    "When used with '--copy-to', schedule the copy of target Pod on the same node."
   ],
   [
    "set-image",
    "",
    "s",
    "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works."
   ],
   [
    "share-processes",
    "",
    "b",
    "When used with '--copy-to', enable process namespace sharing in the copy."
   ],
   [
    "stdin",
    "i",
    "b",
    "Keep stdin open on the container(s) in the pod, even if nothing is attached."
   ],
   [
    "target",
    "",
    "v",
    "When using an ephemeral container, target processes in this container name."
   ],
   [
    "tty",
    "t",
    "b",
    "Allocate a TTY for the debugging container."
   ]
  ]
 },
 "delete": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Delete all resources, in the namespace of the specified resource types."
   ],
   [
    "all-namespaces",
    "A",
    "b",
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."
   ],
   [
    "cascade",
    "",
    "b",
    "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-selector",
    "",
    "v",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."
   ],
   [
    "filename",
    "f",
    "s",
    "containing the resource to delete.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "force",
    "",
    "b",
    "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."
   ],
   [
    "grace-period",
    "",
    "v",
    "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."
   ],
   [
    "help",
    "h",
    "b",
    "help for delete"
   ],
   [
    "ignore-not-found",
    "",
    "b",
    "Treat \"resource not found\" as a successful delete. Defaults to \"true\" when --all is specified."
   ],
   [
    "interactive",
    "i",
    "b",
    "If true, delete resource only when user confirms."
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process a kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "now",
    "",
    "b",
    "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."
   ],
   [
    "output",
    "o",
    "v",
    "Output mode. Use \"-o name\" for shorter output (resource/name)."
   ],
   [
    "raw",
    "",
    "v",
    "Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"
   ],
   [
    "wait",
    "",
    "b",
    "If true, wait for resources to be gone before returning. This waits for finalizers."
   ]
  ]
 },
 "describe": {
  "flags": [
   [
    "all-namespaces",
    "A",
    "b",
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."
   ],
   [
    "chunk-size",
    "",
    "v",
    "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files containing the resource to describe",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for describe"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-events",
    "",
    "b",
    "If true, display events related to the described object."
   ]
  ]
 },
 "diff": {
  "flags": [
   [
    "concurrency",
    "",
    "v",
    "Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files contains the configuration to diff",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "force-conflicts",
    "",
    "b",
    "If true, server-side apply will force the changes against conflicts."
   ],
   [
    "help",
    "h",
    "b",
    "help for diff"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "prune",
    "",
    "b",
    "Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned"
   ],
   [
    "prune-allowlist",
    "",
    "s",
    "Overwrite the default allowlist with <group/version/kind> for --prune"
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "server-side",
    "",
    "b",
    "If true, apply runs in the server instead of the client."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, include managed fields in the diff."
   ]
  ]
 },
 "drain": {
  "flags": [
   [
    "chunk-size",
    "",
    "v",
    "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."
   ],
   [
    "delete-emptydir-data",
    "",
    "b",
    "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."
   ],
   [
    "disable-eviction",
    "",
    "b",
    "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "force",
    "",
    "b",
    "Continue even if there are pods that do not declare a controller."
   ],
   [
    "grace-period",
    "",
    "v",
    "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used."
   ],
   [
    "help",
    "h",
    "b",
    "help for drain"
   ],
   [
    "ignore-daemonsets",
    "",
    "b",
    "Ignore DaemonSet-managed pods."
   ],
   [
    "pod-selector",
    "",
    "v",
    "Label selector to filter pods on the node"
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "skip-wait-for-delete-timeout",
    "",
    "v",
    "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before giving up, zero means infinite"
   ]
  ]
 },
 "edit": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files to use to edit the resource",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for edit"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "output-patch",
    "",
    "b",
    "Output the patch if the resource is edited."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "subresource",
    "",
    "v",
    "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.",
    [
     4,
     "status",
     "scale",
     "resize"
    ]
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "windows-line-endings",
    "",
    "b",
    "Defaults to the line ending native to your platform."
   ]
  ]
 },
 "events": {
  "flags": [
   [
    "all-namespaces",
    "A",
    "b",
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "chunk-size",
    "",
    "v",
    "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."
   ],
   [
    "for",
    "",
    "v",
    "Filter events to only those pertaining to the specified resource."
   ],
   [
    "help",
    "h",
    "b",
    "help for events"
   ],
   [
    "no-headers",
    "",
    "b",
    "When using the default output format, don't print headers."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "types",
    "",
    "s",
    "Output only events of given types."
   ],
   [
    "watch",
    "w",
    "b",
    "After listing the requested events, watch for more events."
   ]
  ]
 },
 "exec": {
  "flags": [
   [
    "container",
    "c",
    "v",
    "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen",
    [
     4
    ]
   ],
   [
    "filename",
    "f",
    "s",
    "to use to exec into the resource",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for exec"
   ],
   [
    "pod-running-timeout",
    "",
    "v",
    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"
   ],
   [
    "quiet",
    "q",
    "b",
    "Only print output from the remote session"
   ],
   [
    "stdin",
    "i",
    "b",
    "Pass stdin to the container"
   ],
   [
    "tty",
    "t",
    "b",
    "Stdin is a TTY"
   ]
  ]
 },
 "explain": {
  "flags": [
   [
    "api-version",
    "",
    "v",
    "Use given api-version (group/version) of the resource."
   ],
   [
    "help",
    "h",
    "b",
    "help for explain"
   ],
   [
    "output",
    "o",
    "v",
    "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2)."
   ],
   [
    "recursive",
    "",
    "b",
    "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description."
   ]
  ]
 },
 "expose": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "cluster-ip",
    "",
    "v",
    "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "external-ip",
    "",
    "v",
    "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to expose a service",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for expose"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "labels",
    "l",
    "v",
    "Labels to apply to the service created by this call."
   ],
   [
    "load-balancer-ip",
    "",
    "v",
    "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific)."
   ],
   [
    "name",
    "",
    "v",
    "The name for the newly created object."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "override-type",
    "",
    "v",
    "The method used to override the generated object: json, merge, or strategic."
   ],
   [
    "overrides",
    "",
    "v",
    "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."
   ],
   [
    "port",
    "",
    "v",
    "The port that the service should serve on. Copied from the resource being exposed, if unspecified"
   ],
   [
    "protocol",
    "",
    "v",
    "The network protocol for the service to be created. Default is 'TCP'."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "selector",
    "",
    "v",
    "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)"
   ],
   [
    "session-affinity",
    "",
    "v",
    "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'"
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "target-port",
    "",
    "v",
    "Name or number for the port on the container that the service should direct traffic to. Optional."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "type",
    "",
    "v",
    "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."
   ]
  ]
 },
 "get": {
  "flags": [
   [
    "all-namespaces",
    "A",
    "b",
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "chunk-size",
    "",
    "v",
    "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."
   ],
   [
    "field-selector",
    "",
    "v",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for get"
   ],
   [
    "ignore-not-found",
    "",
    "b",
    "If the requested object does not exist the command will return exit code 0."
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "label-columns",
    "L",
    "s",
    "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2..."
   ],
   [
    "no-headers",
    "",
    "b",
    "When using the default or custom-column output format, don't print headers (default print headers)."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].",
    [
     4,
     "json",
     "yaml",
     "name",
     "go-template",
     "go-template-file",
     "template",
     "templatefile",
     "jsonpath",
     "jsonpath-as-json",
     "jsonpath-file",
     "custom-columns",
     "custom-columns-file",
     "wide"
    ]
   ],
   [
    "output-watch-events",
    "",
    "b",
    "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events."
   ],
   [
    "raw",
    "",
    "v",
    "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "server-print",
    "",
    "b",
    "If true, have the server return the appropriate table output. Supports extension APIs and CRDs."
   ],
   [
    "show-kind",
    "",
    "b",
    "If present, list the resource type for the requested object(s)."
   ],
   [
    "show-labels",
    "",
    "b",
    "When printing, show all labels as the last column (default hide labels column)"
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "sort-by",
    "",
    "v",
    "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string."
   ],
   [
    "subresource",
    "",
    "v",
    "If specified, gets the subresource of the requested object. This flag is beta and may change in the future.",
    [
     4,
     "status",
     "scale",
     "resize"
    ]
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "watch",
    "w",
    "b",
    "After listing/getting the requested object, watch for changes."
   ],
   [
    "watch-only",
    "",
    "b",
    "Watch for changes to the requested object(s), without listing/getting first."
   ]
  ]
 },
 "kustomize": {
  "flags": [
   [
    "as-current-user",
    "",
    "b",
    "use the uid and gid of the command executor to run the function in the container"
   ],
   [
    "enable-alpha-plugins",
    "",
    "b",
    "enable kustomize plugins"
   ],
   [
    "enable-helm",
    "",
    "b",
    "Enable use of the Helm chart inflator generator."
   ],
   [
    "env",
    "e",
    "s",
    "a list of environment variables to be used by functions"
   ],
   [
    "helm-api-versions",
    "",
    "s",
    "Kubernetes api versions used by Helm for Capabilities.APIVersions"
   ],
   [
    "helm-command",
    "",
    "v",
    "helm command (path to executable)"
   ],
   [
    "helm-debug",
    "",
    "b",
    "Enable debug output from the Helm chart inflator generator."
   ],
   [
    "helm-kube-version",
    "",
    "v",
    "Kubernetes version used by Helm for Capabilities.KubeVersion"
   ],
   [
    "help",
    "h",
    "b",
    "help for kustomize"
   ],
   [
    "load-restrictor",
    "",
    "v",
    "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization.",
    [
     4,
     "LoadRestrictionsNone",
     "LoadRestrictionsRootOnly"
    ]
   ],
   [
    "mount",
    "",
    "s",
    "a list of storage options read from the filesystem"
   ],
   [
    "network",
    "",
    "b",
    "enable network access for functions that declare it"
   ],
   [
    "network-name",
    "",
    "v",
    "the docker network to run the container in"
   ],
   [
    "output",
    "o",
    "v",
    "If specified, write output to this path."
   ]
  ]
 },
 "label": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources, in the namespace of the specified resource types"
   ],
   [
    "all-namespaces",
    "A",
    "b",
    "If true, check the specified action in all namespaces."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "field-selector",
    "",
    "v",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to update the labels",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for label"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "list",
    "",
    "b",
    "If true, display the labels for a given resource."
   ],
   [
    "local",
    "",
    "b",
    "If true, label will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "overwrite",
    "",
    "b",
    "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "resource-version",
    "",
    "v",
    "If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "logs": {
  "flags": [
   [
    "all-containers",
    "",
    "b",
    "Get all containers' logs in the pod(s)."
   ],
   [
    "all-pods",
    "",
    "b",
    "Get logs from all pod(s). Sets prefix to true."
   ],
   [
    "container",
    "c",
    "v",
    "Print the logs of this container"
   ],
   [
    "follow",
    "f",
    "b",
    "Specify if the logs should be streamed."
   ],
   [
    "help",
    "h",
    "b",
    "help for logs"
   ],
   [
    "ignore-errors",
    "",
    "b",
    "If watching / following pod logs, allow for any errors that occur to be non-fatal"
   ],
   [
    "insecure-skip-tls-verify-backend",
    "",
    "b",
    "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired."
   ],
   [
    "limit-bytes",
    "",
    "v",
    "Maximum bytes of logs to return. Defaults to no limit."
   ],
   [
    "max-log-requests",
    "",
    "v",
    "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5."
   ],
   [
    "pod-running-timeout",
    "",
    "v",
    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"
   ],
   [
    "prefix",
    "",
    "b",
    "Prefix each log line with the log source (pod name and container name)"
   ],
   [
    "previous",
    "p",
    "b",
    "If true, print the logs for the previous instance of the container in a pod if it exists."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "since",
    "",
    "v",
    "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used."
   ],
   [
    "since-time",
    "",
    "v",
    "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used."
   ],
   [
    "tail",
    "",
    "v",
    "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided."
   ],
   [
    "timestamps",
    "",
    "b",
    "Include timestamps on each line in the log output"
   ]
  ]
 },
 "options": {
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for options"
   ]
  ]
 },
 "patch": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to update",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for patch"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "local",
    "",
    "b",
    "If true, patch will operate on the content of the file, not the server-side resource."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "patch",
    "p",
    "v",
    "The patch to be applied to the resource JSON file."
   ],
   [
    "patch-file",
    "",
    "v",
    "A file containing a patch to be applied to the resource."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "subresource",
    "",
    "v",
    "If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.",
    [
     4,
     "status",
     "scale",
     "resize"
    ]
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "type",
    "",
    "v",
    "The type of patch being provided; one of [json merge strategic]"
   ]
  ]
 },
 "plugin": {
  "commands": [
   [
    "list",
    "List all visible plugin executables on a user's PATH"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for plugin"
   ]
  ]
 },
 "plugin list": {
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for list"
   ],
   [
    "name-only",
    "",
    "b",
    "If true, display only the binary name of each plugin, rather than its full path"
   ]
  ]
 },
 "port-forward": {
  "flags": [
   [
    "address",
    "",
    "s",
    "Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind."
   ],
   [
    "help",
    "h",
    "b",
    "help for port-forward"
   ],
   [
    "pod-running-timeout",
    "",
    "v",
    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"
   ]
  ]
 },
 "proxy": {
  "flags": [
   [
    "accept-hosts",
    "",
    "v",
    "Regular expression for hosts that the proxy should accept."
   ],
   [
    "accept-paths",
    "",
    "v",
    "Regular expression for paths that the proxy should accept."
   ],
   [
    "address",
    "",
    "v",
    "The IP address on which to serve on."
   ],
   [
    "api-prefix",
    "",
    "v",
    "Prefix to serve the proxied API under."
   ],
   [
    "append-server-path",
    "",
    "b",
    "If true, enables automatic path appending of the kube context server path to each request."
   ],
   [
    "disable-filter",
    "",
    "b",
    "If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port."
   ],
   [
    "help",
    "h",
    "b",
    "help for proxy"
   ],
   [
    "keepalive",
    "",
    "v",
    "keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive."
   ],
   [
    "port",
    "p",
    "v",
    "The port on which to run the proxy. Set to 0 to pick a random port."
   ],
   [
    "reject-methods",
    "",
    "v",
    "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH')."
   ],
   [
    "reject-paths",
    "",
    "v",
    "Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths."
   ],
   [
    "unix-socket",
    "u",
    "v",
    "Unix socket on which to run the proxy."
   ],
   [
    "www",
    "w",
    "v",
    "Also serve static files from the given directory under the specified prefix."
   ],
   [
    "www-prefix",
    "P",
    "v",
    "Prefix to serve static files under, if static file directory is specified."
   ]
  ]
 },
 "replace": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "cascade",
    "",
    "b",
    "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "The files that contain the configurations to replace.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "force",
    "",
    "b",
    "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."
   ],
   [
    "grace-period",
    "",
    "v",
    "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."
   ],
   [
    "help",
    "h",
    "b",
    "help for replace"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process a kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "raw",
    "",
    "v",
    "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "subresource",
    "",
    "v",
    "If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future.",
    [
     4,
     "status",
     "scale",
     "resize"
    ]
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ],
   [
    "wait",
    "",
    "b",
    "If true, wait for resources to be gone before returning. This waits for finalizers."
   ]
  ]
 },
 "rollout": {
  "commands": [
   [
    "history",
    "View rollout history"
   ],
   [
    "pause",
    "Mark the provided resource as paused"
   ],
   [
    "restart",
    "Restart a resource"
   ],
   [
    "resume",
    "Resume a paused resource"
   ],
   [
    "status",
    "Show the status of the rollout"
   ],
   [
    "undo",
    "Undo a previous rollout"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for rollout"
   ]
  ]
 },
 "rollout history": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for history"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "revision",
    "",
    "v",
    "See the details, including podTemplate of the revision specified"
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "rollout pause": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for pause"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "rollout restart": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for restart"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "rollout resume": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for resume"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "rollout status": {
  "flags": [
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for status"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "revision",
    "",
    "v",
    "Pin to a specific revision for showing its status. Defaults to 0 (last revision)."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."
   ],
   [
    "watch",
    "w",
    "b",
    "Watch the status of the rollout until it's done."
   ]
  ]
 },
 "rollout undo": {
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for undo"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "to-revision",
    "",
    "v",
    "The revision to rollback to. Default to 0 (last revision)."
   ]
  ]
 },
 "run": {
  "required": [
   "image"
  ],
  "flags": [
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "annotations",
    "",
    "s",
    "Annotations to apply to the pod."
   ],
   [
    "attach",
    "",
    "b",
    "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned."
   ],
   [
    "cascade",
    "",
    "b",
    "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."
   ],
   [
    "command",
    "",
    "b",
    "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "env",
    "",
    "s",
    "Environment variables to set in the container."
   ],
   [
    "expose",
    "",
    "b",
    "If true, create a ClusterIP service associated with the pod.  Requires `--port`."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "to use to replace the resource.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "force",
    "",
    "b",
    "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."
   ],
   [
    "grace-period",
    "",
    "v",
    "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."
   ],
   [
    "help",
    "h",
    "b",
    "help for run"
   ],
   [
    "image",
    "",
    "v",
    "The image for the container to run."
   ],
   [
    "image-pull-policy",
    "",
    "v",
    "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server."
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process a kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "labels",
    "l",
    "v",
    "Comma separated labels to apply to the pod. Will override previous values."
   ],
   [
    "leave-stdin-open",
    "",
    "b",
    "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "override-type",
    "",
    "v",
    "The method used to override the generated object: json, merge, or strategic."
   ],
   [
    "overrides",
    "",
    "v",
    "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."
   ],
   [
    "pod-running-timeout",
    "",
    "v",
    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"
   ],
   [
    "port",
    "",
    "v",
    "The port that this container exposes."
   ],
   [
    "privileged",
    "",
    "b",
    "If true, run the container in privileged mode."
   ],
   [
    "quiet",
    "q",
    "b",
    "If true, suppress prompt messages."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "restart",
    "",
    "v",
    "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]."
   ],
   [
    "rm",
    "",
    "b",
    "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."
   ],
   [
    "save-config",
    "",
    "b",
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "stdin",
    "i",
    "b",
    "Keep stdin open on the container in the pod, even if nothing is attached."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"
   ],
   [
    "tty",
    "t",
    "b",
    "Allocate a TTY for the container in the pod."
   ],
   [
    "wait",
    "",
    "b",
    "If true, wait for resources to be gone before returning. This waits for finalizers."
   ]
  ]
 },
 "scale": {
  "required": [
   "replicas"
  ],
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources in the namespace of the specified resource types"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "current-replicas",
    "",
    "v",
    "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to set a new size",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for scale"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "replicas",
    "",
    "v",
    "The new desired number of replicas. Required."
   ],
   [
    "resource-version",
    "",
    "v",
    "Precondition for resource version. Requires that the current resource version match this value in order to scale."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."
   ]
  ]
 },
 "set": {
  "commands": [
   [
    "env",
    "Update environment variables on a pod template"
   ],
   [
    "image",
    "Update the image of a pod template"
   ],
   [
    "resources",
    "Update resource requests/limits on objects with pod templates"
   ],
   [
    "selector",
    "Set the selector on a resource"
   ],
   [
    "serviceaccount",
    "Update the service account of a resource"
   ],
   [
    "subject",
    "Update the user, group, or service account in a role binding or cluster role binding"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for set"
   ]
  ]
 },
 "set env": {
  "flags": [
   [
    "all",
    "",
    "b",
    "If true, select all resources in the namespace of the specified resource types"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "containers",
    "c",
    "v",
    "The names of containers in the selected pod templates to change - may use wildcards"
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "env",
    "e",
    "s",
    "Specify a key-value pair for an environment variable to set into each container."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files the resource to update the env",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "from",
    "",
    "v",
    "The name of a resource from which to inject environment variables"
   ],
   [
    "help",
    "h",
    "b",
    "help for env"
   ],
   [
    "keys",
    "",
    "s",
    "Comma-separated list of keys to import from specified resource"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "list",
    "",
    "b",
    "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env."
   ],
   [
    "local",
    "",
    "b",
    "If true, set env will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "overwrite",
    "",
    "b",
    "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment."
   ],
   [
    "prefix",
    "",
    "v",
    "Prefix to append to variable names"
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "resolve",
    "",
    "b",
    "If true, show secret or configmap references when listing variables"
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "set image": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources, in the namespace of the specified resource types"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for image"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "local",
    "",
    "b",
    "If true, set image will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "set resources": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources, in the namespace of the specified resource types"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "containers",
    "c",
    "v",
    "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards"
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for resources"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "limits",
    "",
    "v",
    "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."
   ],
   [
    "local",
    "",
    "b",
    "If true, set resources will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "requests",
    "",
    "v",
    "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "set selector": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources in the namespace of the specified resource types"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "identifying the resource.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for selector"
   ],
   [
    "local",
    "",
    "b",
    "If true, annotation will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "resource-version",
    "",
    "v",
    "If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "set serviceaccount": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources, in the namespace of the specified resource types"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files identifying the resource to get from a server.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "help",
    "h",
    "b",
    "help for serviceaccount"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "local",
    "",
    "b",
    "If true, set serviceaccount will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ]
  ]
 },
 "set subject": {
  "own": true,
  "flags": [
   [
    "as",
    "",
    "v",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."
   ],
   [
    "as-group",
    "",
    "s",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."
   ],
   [
    "as-uid",
    "",
    "v",
    "UID to impersonate for the operation."
   ],
   [
    "cache-dir",
    "",
    "v",
    "Default cache directory"
   ],
   [
    "certificate-authority",
    "",
    "v",
    "Path to a cert file for the certificate authority"
   ],
   [
    "client-certificate",
    "",
    "v",
    "Path to a client certificate file for TLS"
   ],
   [
    "client-key",
    "",
    "v",
    "Path to a client key file for TLS"
   ],
   [
    "cluster",
    "",
    "v",
    "The name of the kubeconfig cluster to use",
    [
     4
    ]
   ],
   [
    "context",
    "",
    "v",
    "The name of the kubeconfig context to use",
    [
     4
    ]
   ],
   [
    "disable-compression",
    "",
    "b",
    "If true, opt-out of response compression for all requests to the server"
   ],
   [
    "insecure-skip-tls-verify",
    "",
    "b",
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"
   ],
   [
    "kubeconfig",
    "",
    "v",
    "Path to the kubeconfig file to use for CLI requests."
   ],
   [
    "log-flush-frequency",
    "",
    "v",
    "Maximum number of seconds between log flushes"
   ],
   [
    "match-server-version",
    "",
    "b",
    "Require server version to match client version"
   ],
   [
    "namespace",
    "n",
    "v",
    "If present, the namespace scope for this CLI request",
    [
     4
    ]
   ],
   [
    "password",
    "",
    "v",
    "Password for basic authentication to the API server"
   ],
   [
    "profile",
    "",
    "v",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"
   ],
   [
    "profile-output",
    "",
    "v",
    "Name of the file to write the profile to"
   ],
   [
    "request-timeout",
    "",
    "v",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."
   ],
   [
    "server",
    "s",
    "v",
    "The address and port of the Kubernetes API server"
   ],
   [
    "tls-server-name",
    "",
    "v",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"
   ],
   [
    "token",
    "",
    "v",
    "Bearer token for authentication to the API server"
   ],
   [
    "username",
    "",
    "v",
    "Username for basic authentication to the API server"
   ],
   [
    "v",
    "v",
    "v",
    "number for the log level verbosity"
   ],
   [
    "vmodule",
    "",
    "v",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"
   ],
   [
    "warnings-as-errors",
    "",
    "b",
    "Treat warnings received from the server as errors and exit with a non-zero exit code"
   ],
   [
    "all",
    "",
    "b",
    "Select all resources, in the namespace of the specified resource types"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "filename",
    "f",
    "s",
    "Filename, directory, or URL to files the resource to update the subjects",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "group",
    "",
    "s",
    "Groups to bind to the role"
   ],
   [
    "help",
    "h",
    "b",
    "help for subject"
   ],
   [
    "kustomize",
    "k",
    "v",
    "Process the kustomization directory. This flag can't be used together with -f or -R."
   ],
   [
    "local",
    "",
    "b",
    "If true, set subject will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "serviceaccount",
    "",
    "s",
    "Service accounts to bind to the role"
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "user",
    "",
    "s",
    "Usernames to bind to the role"
   ]
  ]
 },
 "taint": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all nodes in the cluster"
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "field-manager",
    "",
    "v",
    "Name of the manager used to track field ownership."
   ],
   [
    "help",
    "h",
    "b",
    "help for taint"
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "overwrite",
    "",
    "b",
    "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "validate",
    "",
    "b",
    "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."
   ]
  ]
 },
 "top": {
  "commands": [
   [
    "node",
    "Display resource (CPU/memory) usage of nodes"
   ],
   [
    "pod",
    "Display resource (CPU/memory) usage of pods"
   ]
  ],
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for top"
   ]
  ]
 },
 "top node": {
  "flags": [
   [
    "help",
    "h",
    "b",
    "help for node"
   ],
   [
    "no-headers",
    "",
    "b",
    "If present, print output without headers"
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "show-capacity",
    "",
    "b",
    "Print node resources based on Capacity instead of Allocatable(default) of the nodes."
   ],
   [
    "sort-by",
    "",
    "v",
    "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'."
   ],
   [
    "use-protocol-buffers",
    "",
    "b",
    "Enables using protocol-buffers to access Metrics API."
   ]
  ]
 },
 "top pod": {
  "flags": [
   [
    "all-namespaces",
    "A",
    "b",
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."
   ],
   [
    "containers",
    "",
    "b",
    "If present, print usage of containers within a pod."
   ],
   [
    "field-selector",
    "",
    "v",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."
   ],
   [
    "help",
    "h",
    "b",
    "help for pod"
   ],
   [
    "no-headers",
    "",
    "b",
    "If present, print output without headers."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ],
   [
    "sort-by",
    "",
    "v",
    "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'."
   ],
   [
    "sum",
    "",
    "b",
    "Print the sum of the resource usage"
   ],
   [
    "use-protocol-buffers",
    "",
    "b",
    "Enables using protocol-buffers to access Metrics API."
   ]
  ]
 },
 "uncordon": {
  "flags": [
   [
    "dry-run",
    "",
    "b",
    "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."
   ],
   [
    "help",
    "h",
    "b",
    "help for uncordon"
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."
   ]
  ]
 },
 "version": {
  "flags": [
   [
    "client",
    "",
    "b",
    "If true, shows client version only (no server required)."
   ],
   [
    "help",
    "h",
    "b",
    "help for version"
   ],
   [
    "output",
    "o",
    "v",
    "One of 'yaml' or 'json'."
   ]
  ]
 },
 "wait": {
  "flags": [
   [
    "all",
    "",
    "b",
    "Select all resources in the namespace of the specified resource types"
   ],
   [
    "all-namespaces",
    "A",
    "b",
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."
   ],
   [
    "allow-missing-template-keys",
    "",
    "b",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
   ],
   [
    "field-selector",
    "",
    "v",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."
   ],
   [
    "filename",
    "f",
    "s",
    "identifying the resource.",
    [
     8,
     "json",
     "yaml",
     "yml"
    ]
   ],
   [
    "for",
    "",
    "v",
    "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity."
   ],
   [
    "help",
    "h",
    "b",
    "help for wait"
   ],
   [
    "local",
    "",
    "b",
    "If true, annotation will NOT contact api-server but run locally."
   ],
   [
    "output",
    "o",
    "v",
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."
   ],
   [
    "recursive",
    "R",
    "b",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."
   ],
   [
    "selector",
    "l",
    "v",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)"
   ],
   [
    "show-managed-fields",
    "",
    "b",
    "If true, keep the managedFields when printing objects in JSON or YAML format."
   ],
   [
    "template",
    "",
    "v",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."
   ],
   [
    "timeout",
    "",
    "v",
    "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week."
   ]
  ]
 }
};
