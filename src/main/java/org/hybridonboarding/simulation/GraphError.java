package org.hybridonboarding.simulation;

/** An error the simulated Graph answers with, in Graph's own status, code and words. */
class GraphError extends RuntimeException {

  private final int status;
  private final String code;

  GraphError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static GraphError notFound(String id) {
    return new GraphError(404, "Request_ResourceNotFound", "Resource '" + id
        + "' does not exist or one of its queried reference-property objects are not present.");
  }

  static GraphError badRequest(String message) {
    return new GraphError(400, "Request_BadRequest", message);
  }
}
