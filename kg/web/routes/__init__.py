"""The service's routes, one module per concern; `kg.web.server.create_app` mounts them.

/sparql (`sparql`) is answered by the FastPath ahead of FastAPI and has a handler, not a router.
"""
