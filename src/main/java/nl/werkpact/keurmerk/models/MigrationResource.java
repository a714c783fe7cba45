package nl.werkpact.keurmerk.models;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;

/**
 * {@code /engine-rest/werkpact/migration/{processKey}}: GET shows how many instances run on which version; POST
 * plans the migration to the latest version and reports per instance ({@code ?confirm=true} performs it). For
 * procesbeheerders and admins; HTTP Basic like the rest of /engine-rest, and the engine's own authorization
 * (MIGRATE_INSTANCE) applies as well.
 */
@Path("/werkpact/migration")
@Produces(MediaType.APPLICATION_JSON)
public class MigrationResource {

  private final InstanceMigration migration;
  private final IdentityService identity;

  MigrationResource(InstanceMigration migration, IdentityService identity) {
    this.migration = migration;
    this.identity = identity;
  }

  @GET
  @Path("/{processKey}")
  public Response overview(@PathParam("processKey") String processKey) {
    return Response.ok(migration.overview(processKey)).build();
  }

  @POST
  @Path("/{processKey}")
  public Response migrate(
      @PathParam("processKey") String processKey,
      @QueryParam("confirm") @DefaultValue("false") boolean confirm) {
    try {
      return Response.ok(migration.migrateToLatest(processKey, confirm)).build();
    } catch (IllegalArgumentException unknown) {
      return Response.status(Response.Status.NOT_FOUND)
          .entity(Map.of("type", "NotFound", "message", unknown.getMessage()))
          .build();
    }
  }
}
