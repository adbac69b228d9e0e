package org.hybridonboarding.cloud;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** /actuator/health's "graph" component: one cheap read (subscribed SKUs, ids only). */
@Component("graph")
class GraphHealthIndicator extends AbstractHealthIndicator {

  private final GraphServiceClient graph;
  private final GraphProperties properties;

  GraphHealthIndicator(GraphServiceClient graph, GraphProperties properties) {
    super("Microsoft Graph is not reachable");
    this.graph = graph;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    var skus = graph.subscribedSkus().get(request -> request.queryParameters.select = new String[] {"skuId"});
    health.up()
        .withDetail("baseUrl", properties.baseUrl())
        .withDetail("subscribedSkus", skus.getValue() == null ? 0 : skus.getValue().size());
  }
}
