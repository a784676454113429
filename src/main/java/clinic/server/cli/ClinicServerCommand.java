package clinic.server.cli;

public class ClinicServerCommand {
    public static void main(String[] args) {
    }
}
