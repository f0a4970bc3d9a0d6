package dev.landline.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The empty GET: a constant NCCO, the same bytes as the static file ncco.json. No CDI, no database, no state. */
@Path("ncco")
public class ConstantNcco {

    static final String NCCO = "[{\"action\":\"talk\",\"text\":\"Hello from the floor.\"}]";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ncco() {
        return NCCO;
    }
}
