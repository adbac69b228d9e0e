package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The diagrams and the Java that names their parts agree: every element id and message a process
 * class declares is in its diagram, and every bean the diagram calls (${bean} or ${bean.method})
 * is a Spring component. A renamed task or a deleted delegate fails here, not in production; and
 * no shape is drawn over another (bpmnlint and bpmn-overlaps.py check the rest in .ci/run).
 */
class ProcessModelTest {

  /** Element ids as this project writes them: Task_CreateAdAccount, EndEvent_Onboarded. */
  private static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z]*");
  /** A bean in an expression: ${bean}, ${bean.property} or ${bean.method(…)}; execution is the engine's. */
  private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([a-z][A-Za-z0-9]*)\\s*(?=[.}])");
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  static List<Arguments> processes() {
    return List.of(
        Arguments.of("hybrid-onboarding.bpmn", OnboardingProcess.class, OnboardingProcess.KEY),
        Arguments.of("replication-watch.bpmn", ReplicationWatchProcess.class, ReplicationWatchProcess.KEY),
        Arguments.of("resolve-problem.bpmn", ResolveProblemProcess.class, ResolveProblemProcess.KEY),
        Arguments.of("undo-onboarding.bpmn", UndoOnboardingProcess.class, UndoOnboardingProcess.KEY),
        Arguments.of("hybrid-offboarding.bpmn", org.hybridonboarding.offboarding.OffboardingProcess.class,
            org.hybridonboarding.offboarding.OffboardingProcess.KEY),
        Arguments.of("hybrid-transfer.bpmn", org.hybridonboarding.transfer.TransferProcess.class,
            org.hybridonboarding.transfer.TransferProcess.KEY));
  }

  private static BpmnModelInstance model(String file) {
    return Bpmn.readModelFromFile(Path.of("processes", file).toFile());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyIdTheProcessClassDeclaresIsInTheDiagram(String file, Class<?> declaring, String key) throws Exception {
    BpmnModelInstance model = model(file);
    assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(key);
    Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
        .collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (Field field : declaring.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      field.setAccessible(true);
      String value = (String) field.get(null);
      if (field.getName().startsWith("MESSAGE_")) {
        if (!messages.contains(value)) {
          missing.add(field.getName() + " = message " + value);
        }
      } else if (ELEMENT_ID.matcher(value).matches() && model.getModelElementById(value) == null) {
        missing.add(field.getName() + " = " + value);
      }
    }
    assertThat(missing).as("declared in " + declaring.getSimpleName() + " but not in " + file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyBeanTheDiagramCallsExists(String file, Class<?> declaring, String key) {
    Set<String> called = new TreeSet<>();
    collectBeans(model(file).getDocument().getRootElement(), called);
    assertThat(called).as("beans called by " + file).isNotEmpty();
    assertThat(called).as("beans called by " + file + " that are no Spring component").isSubsetOf(componentNames());
  }

  /** A delegateExpression names a bean; elsewhere (conditions, timers, listeners) a bean is what has members. */
  private static void collectBeans(DomElement element, Set<String> called) {
    String delegate = element.getAttribute(CAMUNDA, "delegateExpression");
    if (delegate != null) {
      names(delegate, false, called);
    }
    String expression = element.getAttribute(CAMUNDA, "expression");
    if (expression != null) {
      names(expression, true, called);
    }
    if (element.getChildElements().isEmpty()) {
      names(element.getTextContent(), true, called);
    }
    element.getChildElements().forEach(child -> collectBeans(child, called));
  }

  private static void names(String expression, boolean membersOnly, Set<String> called) {
    Matcher matcher = BEAN.matcher(expression);
    while (matcher.find()) {
      boolean member = expression.charAt(matcher.end()) == '.';
      if (!ENGINE_NAMES.contains(matcher.group(1)) && (member || !membersOnly)) {
        called.add(matcher.group(1));
      }
    }
  }

  /**
   * What Modeler and Cockpit draw can be read: no two shapes on top of each other, except a
   * boundary event on the border of its own activity and the content of a sub-process inside it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void noShapeIsDrawnOverAnother(String file, Class<?> declaring, String key) {
    BpmnModelInstance model = model(file);
    List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    List<String> overlapping = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (overlap(a.getBounds(), b.getBounds()) && !nested(a, b) && !nested(b, a) && !attached(a, b) && !attached(b, a)) {
          overlapping.add(a.getBpmnElement().getId() + " / " + b.getBpmnElement().getId());
        }
      }
    }
    assertThat(overlapping).as("shapes drawn over each other in " + file).isEmpty();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  /** b is an element inside the sub-process a. */
  private static boolean nested(BpmnShape a, BpmnShape b) {
    return a.getBpmnElement() instanceof SubProcess container
        && b.getBpmnElement() instanceof FlowNode node && container.getFlowElements().contains(node);
  }

  /** b is a boundary event on a. */
  private static boolean attached(BpmnShape a, BpmnShape b) {
    return b.getBpmnElement() instanceof BoundaryEvent event && event.getAttachedTo() == a.getBpmnElement();
  }

  private static Set<String> componentNames() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> beans = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.hybridonboarding")) {
      beans.add(names.generateBeanName(candidate, registry));
    }
    return beans;
  }

}
