package dev.steadfast.impl.it.harness;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;

/** Answers GET config?key=K with the value of K from MicroProfile Config, or 404 when K has no value. */
@WebServlet("/config")
public class ConfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        var value = ConfigProvider.getConfig().getOptionalValue(key, String.class);
        response.setContentType("text/plain;charset=UTF-8");
        if (value.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no value for " + key);
            return;
        }
        response.getWriter().print(value.get());
    }
}
