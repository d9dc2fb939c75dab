package org.oversight.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment manifests (deploy/k8s, deploy/compose) checked offline: every Kubernetes manifest read strictly
 * into Kubernetes' own types (a misspelt or misplaced field fails), the services' probes on the Actuator paths the
 * application exposes, the routing of every route the application has to the service that answers it, and the
 * network policies, autoscaler and disruption budgets selecting the pods they are meant for.
 */
class ManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path COMPOSE = Path.of("compose");
    private static final Path ROUTES = K8S.resolve("base/router/routes.conf");
    /** The model's own reading: each document by its apiVersion and kind into the model's type for it. */
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(KubernetesResource.class, new KubernetesDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<String, String> ROLES = Map.of(
            "org.oversight.deploy.CommandServiceApplication", "command-service",
            "org.oversight.deploy.QueryServiceApplication", "query-service");

    private record Manifest(Path file, HasMetadata resource) {
    }

    @Test
    void everyManifestIsReadStrictlyIntoKubernetesTypes() throws Exception {
        List<Manifest> manifests = manifests(K8S);
        assertThat(manifests).extracting(m -> m.resource().getKind()).contains("Deployment", "Service", "Ingress",
                "NetworkPolicy", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Secret", "StatefulSet");
        for (Manifest manifest : manifests) {
            HasMetadata resource = manifest.resource();
            assertThat(resource).as("%s: a kind the model knows", manifest.file())
                    .isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(resource.getMetadata().getName()).as("%s names its %s", manifest.file(), resource.getKind())
                    .isNotBlank();
            List<String> unknown = new ArrayList<>();
            strict(resource, manifest.file() + " " + resource.getKind() + "/" + resource.getMetadata().getName(),
                    unknown);
            assertThat(unknown).as("fields Kubernetes does not know").isEmpty();
        }
    }

    @Test
    void theStrictReadingRefusesAFieldKubernetesDoesNotKnow() throws Exception {
        String misplaced = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: example
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: example
                          image: example
                          readinessprobe:
                            httpGet:
                              path: /actuator/health/readiness
                """;
        List<String> unknown = new ArrayList<>();
        strict(MODEL.convertValue(new Yaml().load(misplaced), KubernetesResource.class), "example", unknown);
        assertThat(unknown).singleElement().asString().contains("readinessprobe");
    }

    @Test
    void everyKustomizationNamesFilesThatExistAndEveryManifestIsInOne() throws IOException {
        Yaml yaml = new Yaml();
        Set<String> known = Set.of("apiVersion", "kind", "labels", "resources", "configMapGenerator", "namespace",
                "images", "patches");
        List<Path> listed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                Map<String, Object> content = yaml.load(Files.readString(kustomization));
                assertThat(known).as("%s uses only fields this check knows", kustomization)
                        .containsAll(content.keySet());
                for (Object resource : (List<?>) content.get("resources")) {
                    Path path = kustomization.getParent().resolve((String) resource).normalize();
                    assertThat(path).as("%s lists %s", kustomization, resource).exists();
                    listed.add(path);
                }
                for (Object generator : (List<?>) content.getOrDefault("configMapGenerator", List.of())) {
                    for (Object file : (List<?>) ((Map<?, ?>) generator).get("files")) {
                        assertThat(kustomization.getParent().resolve((String) file)).exists();
                    }
                }
            }
        }
        for (Manifest manifest : manifests(K8S)) {
            assertThat(listed).as("%s is in a kustomization", manifest.file()).contains(manifest.file().normalize());
        }
    }

    @Test
    void everyServiceHasBothProbesOnTheActuatorPathsTheApplicationExposes() throws Exception {
        Map<String, Object> settings = applicationSettings("application.yml");
        assertThat(path(settings, "management.endpoint.health.probes.enabled")).isEqualTo(true);
        assertThat(String.valueOf(path(settings, "management.endpoints.web.exposure.include"))).contains("health");
        assertThat(path(settings, "management.endpoints.web.base-path")).as("Actuator stays at /actuator").isNull();
        assertThat(path(settings, "management.server.port")).as("Actuator shares the service's port").isNull();

        List<Deployment> services = deployments().stream()
                .filter(d -> role(d.getSpec().getTemplate().getSpec().getContainers().get(0)) != null).toList();
        assertThat(services).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("oversight-command", "oversight-query");
        for (Deployment deployment : services) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            String role = role(container);
            // the port the role's own profile listens on (application-<role>.yml: ${PORT:...})
            String profilePort = String.valueOf(path(applicationSettings("application-" + role + ".yml"),
                    "server.port")).replaceAll("\\$\\{PORT:(\\d+)}", "$1");
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(String.valueOf(port.getContainerPort())).isEqualTo(profilePort);
            });
            assertThat(probe(container.getLivenessProbe() == null ? null : container.getLivenessProbe().getHttpGet()))
                    .as("%s liveness", deployment.getMetadata().getName()).isEqualTo("http /actuator/health/liveness");
            assertThat(probe(container.getReadinessProbe() == null ? null
                    : container.getReadinessProbe().getHttpGet()))
                    .as("%s readiness", deployment.getMetadata().getName()).isEqualTo("http /actuator/health/readiness");
            assertThat(Class.forName(env(container, "LOADER_MAIN"))).as("the launcher it names exists").isNotNull();
            assertThat(container.getEnv()).extracting(e -> e.getName()).contains("SPRING_DATASOURCE_URL",
                    "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "OVERSIGHT_AUDIT_CHAIN_KEY",
                    "OVERSIGHT_DATA_KEY_ENCRYPTION_KEY", "OVERSIGHT_NODE_ID");
        }
        for (Deployment deployment : deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(container.getLivenessProbe()).as("%s liveness", container.getName()).isNotNull();
                assertThat(container.getReadinessProbe()).as("%s readiness", container.getName()).isNotNull();
            }
        }
    }

    @Test
    void everySecretTheServicesReadIsDefinedInTheExampleOverlay() throws IOException {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Manifest manifest : manifests(K8S)) {
            if (manifest.resource() instanceof io.fabric8.kubernetes.api.model.Secret secret) {
                secrets.put(secret.getMetadata().getName(), secret.getStringData().keySet());
            }
        }
        for (Deployment deployment : deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                container.getEnv().stream().filter(e -> e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null).forEach(e -> {
                            var ref = e.getValueFrom().getSecretKeyRef();
                            assertThat(secrets).as(e.getName()).containsKey(ref.getName());
                            assertThat(secrets.get(ref.getName())).as(e.getName()).contains(ref.getKey());
                        });
            }
        }
    }

    @Test
    void theIngressSendsEverythingToTheRouterAndTheRouterReachesEachService() throws IOException {
        List<Manifest> manifests = manifests(K8S);
        Ingress ingress = only(manifests, Ingress.class).get(0);
        Map<String, Service> services = new LinkedHashMap<>();
        only(manifests, Service.class).forEach(s -> services.put(s.getMetadata().getName(), s));
        ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
            assertThat(path.getPath()).isEqualTo("/");
            assertThat(path.getBackend().getService().getName()).isEqualTo("oversight-router");
        }));
        assertThat(selects(services.get("oversight-router").getSpec().getSelector(), "oversight-router")).isTrue();

        // the router's upstreams are the services, on the ports their pods listen on
        String nginx = Files.readString(K8S.resolve("base/router/nginx.conf"));
        Map<String, String> upstreams = upstreams(nginx);
        assertThat(upstreams).containsOnlyKeys("oversight_command", "oversight_query");
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        only(manifests, Deployment.class).forEach(d -> deployments.put(d.getMetadata().getName(), d));
        upstreams.forEach((upstream, server) -> {
            String name = server.substring(0, server.indexOf(':'));
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            Service service = services.get(name);
            assertThat(service).as(server).isNotNull();
            assertThat(service.getSpec().getPorts()).anyMatch(p -> p.getPort() == port);
            assertThat(selects(service.getSpec().getSelector(), name)).as("%s selects its deployment", name).isTrue();
            Container container = deployments.get(name).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts()).anyMatch(p -> p.getContainerPort() == port);
        });
        assertThat(upstreams.get("oversight_command")).startsWith("oversight-command:");
        assertThat(upstreams.get("oversight_query")).startsWith("oversight-query:");
    }

    /**
     * Every route of the application, by its method and path: the command side's (every one a decision) reach the
     * command service, the query side's (reads, and the searches and exports it answers to a POST) reach a query
     * service, and the history import's pages (reads and uploads alike) reach the command service.
     */
    @Test
    void everyRouteOfTheApplicationReachesTheServiceThatAnswersIt() throws Exception {
        Routes routes = Routes.read(Files.readString(ROUTES));
        Map<String, String> expected = new LinkedHashMap<>();
        routesOf("org.oversight.command").forEach(route -> expected.put(route, "oversight_command"));
        routesOf("org.oversight.query").forEach(route -> expected.put(route, "oversight_query"));
        // the history import writes through the aggregates and keeps its runs on the node: the command service's
        routesOf("org.oversight.deploy.importing").forEach(route -> expected.put(route, "oversight_command"));
        assertThat(expected.keySet()).as("routes found").hasSizeGreaterThan(100)
                .anyMatch(r -> r.startsWith("GET:")).anyMatch(r -> r.startsWith("POST:/api/children/"));
        List<String> wrong = new ArrayList<>();
        expected.forEach((route, upstream) -> {
            if (!routes.upstream(route).equals(upstream)) {
                wrong.add(route + " goes to " + routes.upstream(route) + ", answered by " + upstream);
            }
        });
        assertThat(wrong).isEmpty();
        // a write the application does not have still goes to the command service, which refuses it
        assertThat(routes.upstream("DELETE:/api/children/c-1")).isEqualTo("oversight_command");
        assertThat(routes.upstream("GET:/returns/national/cin/progress")).isEqualTo("oversight_query");
        assertThat(routes.upstream("GET:/imports/DEMO-N/runs/r-1")).isEqualTo("oversight_command");
    }

    @Test
    void theNetworkPoliciesAutoscalerAndBudgetsSelectThePodsTheyAreFor() throws IOException {
        List<Manifest> manifests = manifests(K8S);
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        for (Manifest manifest : manifests) {
            PodTemplateSpec template = manifest.resource() instanceof Deployment d ? d.getSpec().getTemplate()
                    : manifest.resource() instanceof StatefulSet s ? s.getSpec().getTemplate() : null;
            if (template != null) {
                pods.put(manifest.resource().getMetadata().getName(), template.getMetadata().getLabels());
            }
        }
        Map<String, NetworkPolicy> policies = new LinkedHashMap<>();
        only(manifests, NetworkPolicy.class).forEach(p -> policies.put(p.getMetadata().getName(), p));
        assertThat(selected(policies.get("oversight-deny-all-ingress").getSpec().getPodSelector(), pods))
                .containsExactlyInAnyOrderElementsOf(pods.keySet());
        assertThat(policies.get("oversight-deny-all-ingress").getSpec().getIngress()).isEmpty();

        NetworkPolicy router = policies.get("oversight-router-from-ingress");
        assertThat(selected(router.getSpec().getPodSelector(), pods)).containsExactly("oversight-router");
        assertThat(peers(router)).singleElement().satisfies(peer -> {
            assertThat(peer.getPodSelector()).isNull();
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name");
        });

        NetworkPolicy services = policies.get("oversight-services-from-router");
        assertThat(selected(services.getSpec().getPodSelector(), pods))
                .containsExactlyInAnyOrder("oversight-command", "oversight-query");
        assertThat(peers(services)).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getIpBlock()).isNull();
            assertThat(selected(peer.getPodSelector(), pods)).containsExactly("oversight-router");
        });

        NetworkPolicy database = policies.get("oversight-database-from-services");
        assertThat(selected(database.getSpec().getPodSelector(), pods)).containsExactly("oversight-postgres");
        assertThat(peers(database)).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getIpBlock()).isNull();
            assertThat(selected(peer.getPodSelector(), pods))
                    .containsExactlyInAnyOrder("oversight-command", "oversight-query");
        });
        assertThat(policies).hasSize(4);

        HorizontalPodAutoscaler autoscaler = only(manifests, HorizontalPodAutoscaler.class).get(0);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("oversight-query");
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        for (PodDisruptionBudget budget : only(manifests, PodDisruptionBudget.class)) {
            assertThat(selected(budget.getSpec().getSelector(), pods)).as(budget.getMetadata().getName())
                    .containsExactly(budget.getMetadata().getName());
        }
        for (Deployment deployment : deployments()) {
            assertThat(selects(deployment.getSpec().getSelector().getMatchLabels(),
                    deployment.getMetadata().getName())).isTrue();
        }
    }

    @Test
    void theComposeFileRunsOneCommandAndTwoQueryServicesBehindTheSameRoutes() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE.resolve("compose.yaml")));
        Map<?, ?> services = (Map<?, ?>) compose.get("services");
        assertThat(services.keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("postgres", "command", "query-1", "query-2",
                "proxy");
        assertThat(env(services, "command", "LOADER_MAIN")).isEqualTo("org.oversight.deploy.CommandServiceApplication");
        assertThat(env(services, "query-1", "LOADER_MAIN")).isEqualTo("org.oversight.deploy.QueryServiceApplication");
        assertThat(env(services, "query-2", "LOADER_MAIN")).isEqualTo("org.oversight.deploy.QueryServiceApplication");
        assertThat(env(services, "query-1", "OVERSIGHT_NODE_ID")).isNotEqualTo(env(services, "query-2",
                "OVERSIGHT_NODE_ID"));
        List<?> volumes = (List<?>) ((Map<?, ?>) services.get("proxy")).get("volumes");
        assertThat(volumes).anySatisfy(v -> assertThat((String) v)
                .startsWith("../k8s/base/router/routes.conf:/etc/nginx/oversight/routes.conf"));
        assertThat(COMPOSE.resolve("../k8s/base/router/routes.conf")).exists();
        Map<String, String> upstreams = upstreams(Files.readString(COMPOSE.resolve("nginx.conf")));
        assertThat(upstreams.get("oversight_command")).isEqualTo("command:8081");
        assertThat(upstreams.get("oversight_query")).isEqualTo("query-1:8082 query-2:8082");
        // three nodes' pools of 40 connections, and room for an administrator
        Map<?, ?> postgres = (Map<?, ?>) services.get("postgres");
        assertThat(String.join(" ", ((List<?>) postgres.get("command")).stream().map(String::valueOf).toList()))
                .contains("max_connections=150");
        assertThat(Files.readString(Path.of("container/Dockerfile")))
                .contains("COPY deploy/service/target/oversight-service.jar");
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private static List<Manifest> manifests(Path root) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")
                    && !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document == null) {
                        continue;
                    }
                    KubernetesResource resource = MODEL.convertValue(document, KubernetesResource.class);
                    assertThat(resource).as("%s: a Kubernetes object", file).isInstanceOf(HasMetadata.class);
                    manifests.add(new Manifest(file, (HasMetadata) resource));
                }
            }
        }
        return manifests;
    }

    /** Collects every field the model kept aside as unknown, anywhere in the object. */
    private static void strict(Object value, String where, List<String> unknown) throws ReflectiveOperationException {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                strict(item, where + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                strict(entry.getValue(), where + "." + entry.getKey(), unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (InvocationTargetException notAField) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(where + ": " + extra.keySet());
                }
            } else {
                strict(field, where + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    private static List<Deployment> deployments() throws IOException {
        return only(manifests(K8S), Deployment.class);
    }

    private static <T> List<T> only(List<Manifest> manifests, Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    private static String role(Container container) {
        String main = container.getEnv() == null ? null : container.getEnv().stream()
                .filter(e -> e.getName().equals("LOADER_MAIN")).map(e -> e.getValue()).findFirst().orElse(null);
        return main == null ? null : ROLES.get(main);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(e -> e.getValue()).findFirst()
                .orElseThrow();
    }

    private static Object env(Map<?, ?> services, String service, String name) {
        return ((Map<?, ?>) ((Map<?, ?>) services.get(service)).get("environment")).get(name);
    }

    private static String probe(HTTPGetAction get) {
        return get == null ? null : get.getPort().getStrVal() + " " + get.getPath();
    }

    private static Map<String, Object> applicationSettings(String name) throws IOException {
        try (InputStream in = ManifestsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("the service's %s on the class path", name).isNotNull();
            return new Yaml().load(in);
        }
    }

    private static Object path(Map<String, Object> settings, String dotted) {
        Object at = settings;
        for (String key : dotted.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }

    /** Upstream name to its servers, as {@code host:port}, space separated. */
    private static Map<String, String> upstreams(String nginx) {
        Map<String, String> upstreams = new LinkedHashMap<>();
        Matcher upstream = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}").matcher(nginx);
        while (upstream.find()) {
            List<String> servers = new ArrayList<>();
            Matcher server = Pattern.compile("server\\s+([^;\\s]+)").matcher(upstream.group(2));
            while (server.find()) {
                servers.add(server.group(1));
            }
            upstreams.put(upstream.group(1), String.join(" ", servers));
        }
        return upstreams;
    }

    /** The workload's pod labels match the selector's. */
    private static boolean selects(Map<String, String> selector, String workload) {
        try {
            Map<String, String> labels = Objects.requireNonNull(deploymentOrStatefulSetLabels(workload));
            return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> deploymentOrStatefulSetLabels(String workload) throws IOException {
        for (Manifest manifest : manifests(K8S)) {
            if (manifest.resource().getMetadata().getName().equals(workload)) {
                if (manifest.resource() instanceof Deployment d) {
                    return d.getSpec().getTemplate().getMetadata().getLabels();
                }
                if (manifest.resource() instanceof StatefulSet s) {
                    return s.getSpec().getTemplate().getMetadata().getLabels();
                }
            }
        }
        return null;
    }

    private static List<String> selected(LabelSelector selector, Map<String, Map<String, String>> pods) {
        List<String> selected = new ArrayList<>();
        pods.forEach((workload, labels) -> {
            boolean matches = selector.getMatchLabels() == null
                    || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions() == null
                    ? List.<LabelSelectorRequirement>of() : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                matches &= switch (requirement.getOperator()) {
                    case "In" -> requirement.getValues().contains(value);
                    case "NotIn" -> !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException(requirement.getOperator());
                };
            }
            if (matches) {
                selected.add(workload);
            }
        });
        return selected;
    }

    private static List<NetworkPolicyPeer> peers(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()).toList();
    }

    /** Each route of the controllers under {@code basePackage}, as {@code METHOD:/path/with/x1/for/variables}. */
    private static List<String> routesOf(String basePackage) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        AntPathMatcher paths = new AntPathMatcher();
        List<String> routes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            Class<?> controller = Class.forName(definition.getBeanClassName());
            RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String[] prefixes = onClass == null || onClass.path().length == 0 ? new String[] {""} : onClass.path();
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] suffixes = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                RequestMethod[] methods = mapping.method().length == 0 ? new RequestMethod[] {RequestMethod.GET}
                        : mapping.method();
                for (String prefix : prefixes) {
                    for (String suffix : suffixes) {
                        String path = paths.combine(prefix, suffix);
                        path = (path.startsWith("/") ? path : "/" + path).replaceAll("\\{[^}]*}", "x1");
                        for (RequestMethod verb : methods) {
                            routes.add(verb.name() + ":" + path);
                        }
                    }
                }
            }
        }
        return routes;
    }

    /** The router's map from {@code METHOD:path} to an upstream, evaluated as nginx does: first match wins. */
    private record Routes(List<Map.Entry<Pattern, String>> patterns, String fallback) {

        static Routes read(String conf) {
            Matcher map = Pattern.compile("map\\s+\"\\$request_method:\\$uri\"\\s+\\$oversight_upstream\\s*\\{([^}]*)}")
                    .matcher(conf);
            assertThat(map.find()).as("routes.conf maps method and path to an upstream").isTrue();
            List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();
            String fallback = null;
            for (String line : map.group(1).split("\n")) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                Matcher regex = Pattern.compile("^\"~([^\"]+)\"\\s+(\\S+);$").matcher(entry);
                Matcher otherwise = Pattern.compile("^default\\s+(\\S+);$").matcher(entry);
                if (regex.matches()) {
                    patterns.add(Map.entry(Pattern.compile(regex.group(1)), regex.group(2)));
                } else if (otherwise.matches()) {
                    fallback = otherwise.group(1);
                } else {
                    throw new AssertionError("routes.conf has a line this check cannot read: " + entry);
                }
            }
            return new Routes(patterns, fallback);
        }

        String upstream(String route) {
            for (Map.Entry<Pattern, String> pattern : patterns) {
                if (pattern.getKey().matcher(route).find()) {
                    return pattern.getValue();
                }
            }
            return fallback;
        }
    }
}
