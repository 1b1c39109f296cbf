package com.healthplan.va.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagram reads cleanly in Modeler and Cockpit, judged on its DI: each named event, gateway and flow has a
 * label with its own bounds; no label lies over another label or over a shape; each flow starts on its source's
 * outline and ends on its target's. No application context.
 */
class DiagramLayoutTest {

  /** How far a flow's end may lie from its shape's outline (Modeler docks on the outline, give or take). */
  private static final double DOCKING_TOLERANCE = 3;

  record Box(String what, double x, double y, double width, double height) {
    static Box of(String what, Bounds bounds) {
      return new Box(what, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    boolean overlaps(Box other) {
      return x < other.x + other.width && other.x < x + width && y < other.y + other.height
          && other.y < y + height;
    }

    /** Whether a point lies on this box's outline (within the tolerance), not deep inside or far outside. */
    boolean onOutline(double px, double py) {
      boolean insideGrown = px >= x - DOCKING_TOLERANCE && px <= x + width + DOCKING_TOLERANCE
          && py >= y - DOCKING_TOLERANCE && py <= y + height + DOCKING_TOLERANCE;
      boolean insideShrunk = px > x + DOCKING_TOLERANCE && px < x + width - DOCKING_TOLERANCE
          && py > y + DOCKING_TOLERANCE && py < y + height - DOCKING_TOLERANCE;
      return insideGrown && !insideShrunk;
    }
  }

  static Stream<Path> diagrams() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  private static BpmnModelInstance read(Path diagram) throws IOException {
    try (InputStream in = Files.newInputStream(diagram)) {
      return Bpmn.readModelFromStream(in);
    }
  }

  private static boolean labelledInside(BaseElement element) {
    return element instanceof Task || element instanceof SubProcess || element instanceof CallActivity;
  }

  private static String name(BaseElement element) {
    return element instanceof FlowElement flow ? flow.getName() : null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void labelsHaveTheirOwnPlace(Path diagram) throws IOException {
    BpmnModelInstance model = read(diagram);
    List<Box> shapes = new ArrayList<>();
    List<Box> labels = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      if (element == null) {
        continue;
      }
      if (!(element instanceof SubProcess)) {
        shapes.add(Box.of(element.getId(), shape.getBounds()));
      }
      String name = name(element);
      if (name == null || name.isBlank() || labelledInside(element)) {
        continue;
      }
      if (shape.getBpmnLabel() == null || shape.getBpmnLabel().getBounds() == null) {
        problems.add(element.getId() + " (\"" + name + "\") has no label bounds");
      } else {
        labels.add(Box.of(element.getId() + " label", shape.getBpmnLabel().getBounds()));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      BaseElement element = edge.getBpmnElement();
      String name = element == null ? null : name(element);
      if (name == null || name.isBlank()) {
        continue;
      }
      if (edge.getBpmnLabel() == null || edge.getBpmnLabel().getBounds() == null) {
        problems.add(element.getId() + " (\"" + name + "\") has no label bounds");
      } else {
        labels.add(Box.of(element.getId() + " label", edge.getBpmnLabel().getBounds()));
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        if (labels.get(i).overlaps(labels.get(j))) {
          problems.add(labels.get(i).what() + " overlaps " + labels.get(j).what());
        }
      }
      for (Box shape : shapes) {
        if (labels.get(i).overlaps(shape)) {
          problems.add(labels.get(i).what() + " lies over " + shape.what());
        }
      }
    }

    assertThat(problems).as(diagram.toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void flowsLeaveTheirSourceAndReachTheirTarget(Path diagram) throws IOException {
    BpmnModelInstance model = read(diagram);
    List<String> problems = new ArrayList<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
        continue;
      }
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      Box source = boxOf(model, flow.getSource().getId());
      Box target = boxOf(model, flow.getTarget().getId());
      Waypoint first = points.get(0);
      Waypoint last = points.get(points.size() - 1);
      if (source != null && !source.onOutline(first.getX(), first.getY())) {
        problems.add(flow.getId() + " does not start on " + source.what() + "'s outline");
      }
      if (target != null && !target.onOutline(last.getX(), last.getY())) {
        problems.add(flow.getId() + " does not end on " + target.what() + "'s outline");
      }
    }

    assertThat(problems).as(diagram.toString()).isEmpty();
  }

  private static Box boxOf(BpmnModelInstance model, String elementId) {
    return model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement() != null && shape.getBpmnElement().getId().equals(elementId))
        .findFirst().map(shape -> Box.of(elementId, shape.getBounds())).orElse(null);
  }
}
