<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%-- The sign-in form (LoginServlet). ${signedOut}: after sign-out; ${failed} and ${username}: after a wrong
     password. session="false": showing the form creates no session. --%>
<%@ include file="header.jspf" %>
<h1>Sign in</h1>
<c:if test="${signedOut}"><p class="note" id="note">You are signed out.</p></c:if>
<c:if test="${failed}"><p class="error" id="error">Unknown user name or wrong password.</p></c:if>
<form id="login" method="post" action="${ctx}/login">
<label for="username">User name</label>
<input id="username" name="username" autocomplete="username" required value="${fn:escapeXml(username)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<br><button id="sign-in" type="submit">Sign in</button>
</form>
<%@ include file="footer.jspf" %>
